import type { TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SkeletonPosts } from '../../components/Skeleton';
import { RoleBadge } from '../../components/RoleBadge';
import { graphql } from '../../gql';
import type {
  MutationReplyArgs,
  ThreadPageFieldsFragment,
  ThreadPagePostsFragment,
  PostViewFieldsFragment,
} from '../../gql/graphql';
import { useViewer } from '../../lib/viewer';
import { ReopenThreadMutation, ResolveThreadMutation } from '../api/threads';
import { type LiveThreadEvent, useLiveReplies } from '../hooks/useLiveReplies';
import { useWhenVisible } from '../hooks/useWhenVisible';
import { PostView } from './PostView';
import { ReplyForm } from './ReplyForm';
import { SlaClocks } from './SlaClocks';
import { StartFollowUpForm } from './StartFollowUpForm';
import { ThreadStatusChip } from './ThreadStatusChip';
import { useReturnLink } from '../../lib/return-to';
import { useKeyboardShortcuts } from '../../lib/shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';
import { RelativeTime } from '../../components/RelativeTime';

export const ThreadPageFields = graphql(`
  fragment ThreadPageFields on Thread {
    id
    title
    status
    language
    locked
    lockReason
    pinned
    repliesCount
    createdAt
    lastActivityAt
    resolvedAt
    viewerCanReply
    viewerCanAcceptAnswer
    viewerCanResolve
    viewerCanStartPrivateFollowUp
    space {
      id
      slug
      name
    }
    author {
      ...AuthorFields
    }
    acceptedBy {
      id
      displayName
    }
    sla {
      ...SlaClocksFields
    }
    privateFollowUp {
      startedAt
      followUpId
      agent {
        ...AuthorFields
      }
    }
    question {
      ...PostViewFields
    }
    acceptedAnswer {
      ...PostViewFields
    }
  }
`);

/** A page of replies; the next one is asked with `after: pageInfo.endCursor`. */
export const ThreadPagePosts = graphql(`
  fragment ThreadPagePosts on PostConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...PostViewFields
      }
    }
  }
`);

/** What the thread page reads: the thread and its replies, as a route's query composes them. */
export type ThreadPageThread = ThreadPageFieldsFragment & { posts: ThreadPagePostsFragment };

interface ThreadPageProps<T extends ThreadPageThread> {
  id: string;
  /**
   * The page's one query, `thread(id: $id)` with `...ThreadPageFields` and
   * `posts(after: $after) { ...ThreadPagePosts }`: a route adds the fields its other features
   * show beside each post, so the whole page comes in one request.
   */
  query: TypedDocumentNode<{ thread: T }, { id: string; after?: string | null }>;
  /** `reply(input) { ...PostViewFields }`, with the same additions as `query` for a new reply. */
  replyMutation: TypedDocumentNode<{ reply: PostViewFieldsFragment }, MutationReplyArgs>;
  /**
   * `threadEvents(threadId: $threadId) { ...ThreadLiveEventFields }`, with the same post additions
   * as `query`: the page's live updates (new replies, marks, hidden notices, edits).
   */
  liveSubscription: TypedDocumentNode<LiveThreadEvent, { threadId: string }>;
  /** Shown under a post's body: another feature's part of it, read from the thread `query` returned. */
  postExtra?: (postId: string, thread: T) => ReactNode;
  /** Shown at the end of the page (moderation: the thread's controls). */
  threadExtra?: (thread: T) => ReactNode;
  /** Shown at the end of the header (the desk: who is on it, when an answer is expected). */
  headerExtra?: (thread: T) => ReactNode;
}

/**
 * A thread: the question, the accepted answer right under it, then the other replies in order
 * (more on request), the reply editor, and the actions the viewer may take (accept, resolve,
 * reopen, follow up). Every change comes back from its mutation into the cache: no refetch.
 */
export function ThreadPage<T extends ThreadPageThread>({
  id,
  query,
  replyMutation,
  liveSubscription,
  postExtra,
  threadExtra,
  headerExtra,
}: ThreadPageProps<T>) {
  const { t } = useTranslation('threads');
  const { viewer, isStaff } = useViewer();
  const signInLink = useReturnLink('/sign-in', '#reply');
  // `?after=` is where the "more replies" link leads without JavaScript: the page from there on.
  const [searchParams] = useSearchParams();
  const after = searchParams.get('after');
  const { data, loading, error, fetchMore } = useQuery(query, {
    variables: after ? { id, after } : { id },
  });
  const [resolve, resolving] = useMutation(ResolveThreadMutation);
  const [reopen, reopening] = useMutation(ReopenThreadMutation);
  const shownIds = data?.thread.posts.edges.map((edge) => edge.node.id) ?? [];
  const live = useLiveReplies(id, liveSubscription, shownIds);
  const pageInfo = data?.thread.posts.pageInfo;
  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = () => {
    if (!pageInfo?.hasNextPage || loadingMore) return;
    setLoadingMore(true);
    void fetchMore({ variables: { after: pageInfo.endCursor } })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  };
  // The next replies load as the reader nears the end of those shown.
  const sentinel = useWhenVisible<HTMLDivElement>(loadMore, !!pageInfo?.hasNextPage && !loadingMore);
  const [quote, setQuote] = useState<{ markdown: string; at: number } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  useKeyboardShortcuts({
    j: () => focusPost(1),
    k: () => focusPost(-1),
    r: focusReply,
    '?': () => setHelpOpen(true),
  });
  // Back from signing in to reply (`#reply`): at the reply box, once it is there.
  const location = useLocation();
  const ready = !!data;
  useEffect(() => {
    if (ready && location.hash === '#reply') focusReply();
  }, [ready, location.hash]);
  const onQuote = useCallback((markdown: string) => setQuote({ markdown, at: Date.now() }), []);

  if (loading && !data) return <SkeletonPosts posts={3} />;
  if (!data) return <ErrorNotice error={error} />;
  const { thread } = data;
  const acceptedAnswerId = thread.acceptedAnswer?.id ?? null;
  const replies = thread.posts.edges.map((edge) => edge.node).filter((post) => post.id !== acceptedAnswerId);
  const input = { variables: { input: { threadId: thread.id } } };
  const otherReplies = thread.repliesCount - (acceptedAnswerId ? 1 : 0);
  const post = (shown: PostViewFieldsFragment, canAccept: boolean) => (
    <PostView
      key={shown.id}
      post={shown}
      canAccept={canAccept}
      acceptedAnswerId={acceptedAnswerId}
      signedIn={viewer !== null}
      extra={postExtra?.(shown.id, thread)}
      onQuote={thread.viewerCanReply ? onQuote : undefined}
    />
  );

  return (
    <div className="thread-page">
      <p className="breadcrumb">
        <Link to={`/s/${thread.space.slug}`}>{t('thread.back', { space: thread.space.name })}</Link>
        {(thread.viewerCanReply || !viewer) && (
          <a
            href="#reply"
            className="skip-to-reply"
            onClick={(event) => {
              event.preventDefault();
              focusReply();
            }}
          >
            {t('thread.skipToReply')}
          </a>
        )}
      </p>
      <header className="page-header thread-header">
        <h1 lang={thread.language}>{thread.title}</h1>
        <p className="thread-meta">
          <ThreadStatusChip status={thread.status} /> {t('thread.askedBy')} {thread.author.displayName}{' '}
          <RoleBadge role={thread.author.role} /> · <RelativeTime iso={thread.createdAt} />
        </p>
        {thread.viewerCanResolve && (
          <div className="thread-actions">
            {thread.status === 'RESOLVED' ? (
              <button
                type="button"
                className="button"
                disabled={reopening.loading}
                onClick={() => void reopen(input).catch(() => undefined)}
              >
                {t('thread.reopen')}
              </button>
            ) : (
              <button
                type="button"
                className="button"
                disabled={resolving.loading}
                onClick={() => void resolve(input).catch(() => undefined)}
              >
                {t('thread.resolve')}
              </button>
            )}
          </div>
        )}
        {resolving.error && <ErrorNotice error={resolving.error} />}
        {reopening.error && <ErrorNotice error={reopening.error} />}
        {headerExtra?.(thread)}
      </header>

      {thread.privateFollowUp && (
        <p className="notice follow-up-notice" role="note">
          {t('thread.followUpNotice', { name: thread.privateFollowUp.agent.displayName })}{' '}
          {thread.privateFollowUp.followUpId && (
            <Link to={`/follow-ups/${thread.privateFollowUp.followUpId}`}>{t('thread.openFollowUp')}</Link>
          )}
        </p>
      )}
      {thread.locked && (
        <p className="notice" role="note">
          {thread.lockReason ? t('thread.lockedBecause', { reason: thread.lockReason }) : t('thread.locked')}
        </p>
      )}
      {isStaff && thread.sla && <SlaClocks sla={thread.sla} />}

      <section aria-label={t('thread.question')} lang={thread.language}>
        {post(thread.question, false)}
      </section>

      {thread.acceptedAnswer && (
        <section className="accepted-answer" aria-labelledby="accepted-heading">
          <h2 id="accepted-heading">{t('thread.acceptedAnswer')}</h2>
          {thread.acceptedBy && (
            <p className="accepted-by">{t('thread.acceptedBy', { name: thread.acceptedBy.displayName })}</p>
          )}
          {post(thread.acceptedAnswer, false)}
        </section>
      )}

      {/* No heading over an empty section: when the only reply is the accepted answer, none. */}
      {(otherReplies > 0 ||
        thread.repliesCount === 0 ||
        live.newReplies > 0 ||
        thread.posts.pageInfo.hasNextPage) && (
        <section className="replies" aria-labelledby="replies-heading">
          <h2 id="replies-heading">
            {acceptedAnswerId
              ? t('thread.otherReplies', { count: otherReplies })
              : t('thread.replies', { count: thread.repliesCount })}
          </h2>
          {thread.repliesCount === 0 && <p className="empty-state">{t('thread.noReplies')}</p>}
          {replies.map((reply) => post(reply, canAcceptReply(thread, reply)))}
          {live.newReplies > 0 && !thread.posts.pageInfo.hasNextPage && (
            <p className="new-replies" role="status">
              <button type="button" className="button" onClick={live.show}>
                {t('thread.newReplies', { count: live.newReplies })}
              </button>
            </p>
          )}
          {thread.posts.pageInfo.hasNextPage && (
            <>
              <div ref={sentinel} className="more-replies-sentinel" aria-hidden="true" />
              {/* For the keyboard, and without JavaScript a link to the page of the next replies. */}
              <a
                className="button"
                href={`?after=${encodeURIComponent(thread.posts.pageInfo.endCursor ?? '')}`}
                aria-disabled={loadingMore}
                onClick={(event) => {
                  event.preventDefault();
                  loadMore();
                }}
              >
                {loadingMore ? t('thread.loadingReplies') : t('thread.moreReplies')}
              </a>
            </>
          )}
        </section>
      )}

      {thread.viewerCanStartPrivateFollowUp && !thread.privateFollowUp && (
        <StartFollowUpForm threadId={thread.id} />
      )}
      <div id="reply" tabIndex={-1}>
        {thread.viewerCanReply ? (
          <ReplyForm thread={thread} mutation={replyMutation} quote={quote} />
        ) : (
          !viewer && (
            <p className="notice">
              <Link to={signInLink}>{t('thread.signInToReply')}</Link>
            </p>
          )
        )}
      </div>
      <p className="shortcuts-hint">
        <button type="button" className="button-link" onClick={() => setHelpOpen(true)}>
          {t('shortcuts.open')}
        </button>
      </p>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      {threadExtra?.(thread)}
    </div>
  );
}

/**
 * The API's rule (threads.rules.ts), so the button shows only where it works: who may accept on
 * this thread, never a hidden reply, and one's own reply only as the asker (`viewerCanEdit` is
 * "the viewer wrote it"; on the question, "the viewer asked").
 */
function canAcceptReply(
  thread: { viewerCanAcceptAnswer: boolean; question: { viewerCanEdit: boolean } },
  reply: { viewerCanEdit: boolean; hidden?: unknown },
): boolean {
  if (!thread.viewerCanAcceptAnswer || reply.hidden) return false;
  return !reply.viewerCanEdit || thread.question.viewerCanEdit;
}

/** Moves to the next (1) or previous (-1) post of the page, from the one holding the focus. */
function focusPost(step: 1 | -1): void {
  const posts = [...document.querySelectorAll<HTMLElement>('.thread-page article.post')];
  if (posts.length === 0) return;
  const current = posts.findIndex((post) => post.contains(document.activeElement));
  const next = current === -1 ? (step === 1 ? 0 : posts.length - 1) : current + step;
  posts[Math.max(0, Math.min(posts.length - 1, next))].focus();
}

/** To the reply editor, or to what stands in its place (the invitation to sign in). */
function focusReply(): void {
  const place = document.getElementById('reply');
  if (!place) return;
  const target = place.querySelector<HTMLElement>('textarea, a[href]') ?? place;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}
