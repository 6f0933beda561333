import type { ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { RoleBadge } from '../../components/RoleBadge';
import { formatDateTime } from '../../lib/format';
import { ReopenThreadMutation, ResolveThreadMutation, ThreadPageQuery } from '../api/threads';
import { useThreadsViewer } from '../hooks/useThreadsViewer';
import { PostView } from './PostView';
import { ReplyForm } from './ReplyForm';
import { SlaClocks } from './SlaClocks';
import { StartFollowUpForm } from './StartFollowUpForm';
import { ThreadStatusChip } from './ThreadStatusChip';

/**
 * A thread: the question, the accepted answer right under it, then the other replies in order,
 * the reply editor, and the actions the viewer may take (accept, resolve, reopen, follow up).
 */
export function ThreadPage({ id, postExtra }: { id: string; postExtra?: (postId: string) => ReactNode }) {
  const { t, i18n } = useTranslation('threads');
  const { viewer, isStaff } = useThreadsViewer();
  const { data, loading, error, refetch, fetchMore } = useQuery(ThreadPageQuery, { variables: { id } });
  const [resolve, resolving] = useMutation(ResolveThreadMutation);
  const [reopen, reopening] = useMutation(ReopenThreadMutation);

  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} />;
  const { thread } = data;
  const language = i18n.resolvedLanguage ?? 'en';
  const changed = () => void refetch();
  const replies = thread.posts.edges.map((edge) => edge.node).filter((post) => !post.isAcceptedAnswer);
  const act = async (
    mutate: (options: { variables: { input: { threadId: string } } }) => Promise<unknown>,
  ) => {
    try {
      await mutate({ variables: { input: { threadId: thread.id } } });
      changed();
    } catch {
      // Shown below.
    }
  };

  return (
    <div className="thread-page">
      <p className="breadcrumb">
        <Link to={`/s/${thread.space.slug}`}>{t('thread.back', { space: thread.space.name })}</Link>
      </p>
      <header className="page-header thread-header">
        <h1 lang={thread.language}>{thread.title}</h1>
        <p className="thread-meta">
          <ThreadStatusChip status={thread.status} /> {t('thread.askedBy')} {thread.author.displayName}{' '}
          <RoleBadge role={thread.author.role} />{' '}
          {t('thread.on', { date: formatDateTime(thread.createdAt, language) })}
        </p>
        {thread.viewerCanResolve && (
          <div className="thread-actions">
            {thread.status === 'RESOLVED' ? (
              <button
                type="button"
                className="button"
                disabled={reopening.loading}
                onClick={() => void act(reopen)}
              >
                {t('thread.reopen')}
              </button>
            ) : (
              <button
                type="button"
                className="button"
                disabled={resolving.loading}
                onClick={() => void act(resolve)}
              >
                {t('thread.resolve')}
              </button>
            )}
          </div>
        )}
        {resolving.error && <ErrorNotice error={resolving.error} />}
        {reopening.error && <ErrorNotice error={reopening.error} />}
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
        <PostView
          post={thread.question}
          canAccept={false}
          signedIn={viewer !== null}
          onChanged={changed}
          extra={postExtra?.(thread.question.id)}
        />
      </section>

      {thread.acceptedAnswer && (
        <section className="accepted-answer" aria-labelledby="accepted-heading">
          <h2 id="accepted-heading">{t('thread.acceptedAnswer')}</h2>
          {thread.acceptedBy && (
            <p className="accepted-by">{t('thread.acceptedBy', { name: thread.acceptedBy.displayName })}</p>
          )}
          <PostView
            post={thread.acceptedAnswer}
            canAccept={false}
            signedIn={viewer !== null}
            onChanged={changed}
            extra={postExtra?.(thread.acceptedAnswer.id)}
          />
        </section>
      )}

      <section className="replies" aria-labelledby="replies-heading">
        <h2 id="replies-heading">{t('thread.replies', { count: thread.repliesCount })}</h2>
        {thread.repliesCount === 0 && <p>{t('thread.noReplies')}</p>}
        {replies.map((post) => (
          <PostView
            key={post.id}
            post={post}
            canAccept={canAcceptReply(thread, post)}
            signedIn={viewer !== null}
            onChanged={changed}
            extra={postExtra?.(post.id)}
          />
        ))}
        {thread.posts.pageInfo.hasNextPage && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void fetchMore({
                variables: { after: thread.posts.pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  thread: {
                    ...fetchMoreResult.thread,
                    posts: {
                      ...fetchMoreResult.thread.posts,
                      edges: [...previous.thread.posts.edges, ...fetchMoreResult.thread.posts.edges],
                    },
                  },
                }),
              })
            }
          >
            {t('thread.moreReplies')}
          </button>
        )}
      </section>

      {thread.viewerCanStartPrivateFollowUp && !thread.privateFollowUp && (
        <StartFollowUpForm threadId={thread.id} />
      )}
      {thread.viewerCanReply ? (
        <ReplyForm threadId={thread.id} onReplied={changed} />
      ) : (
        !viewer && (
          <p className="notice">
            <Link to="/sign-in">{t('thread.signInToReply')}</Link>
          </p>
        )
      )}
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
