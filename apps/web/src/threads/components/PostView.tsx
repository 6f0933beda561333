import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageSkeleton } from '../../components/Skeleton';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { RoleBadge } from '../../components/RoleBadge';
import { useMarkdownForm } from '../../components/useMarkdownForm';
import { graphql } from '../../gql';
import type { PostViewFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useAbsoluteUrl } from '../../lib/page';
import { AcceptAnswerMutation, EditPostMutation, PostMarkdownQuery, ThankMutation } from '../api/threads';
import { RelativeTime } from '../../components/RelativeTime';

export const PostViewFields = graphql(`
  fragment PostViewFields on Post {
    id
    threadId
    isQuestion
    bodyHtml
    isOfficial
    isAcceptedAnswer
    thanksCount
    viewerHasThanked
    viewerCanEdit
    createdAt
    editedAt
    hidden {
      at
    }
    author {
      ...AuthorFields
    }
    revisions {
      id
      bodyHtml
      writtenAt
      replacedAt
    }
  }
`);

interface PostViewProps {
  post: PostViewFieldsFragment;
  /** The viewer may accept this post as the answer (asker, expert or moderator; not the question). */
  canAccept: boolean;
  /** The thread's accepted answer today, which accepting this post replaces. */
  acceptedAnswerId?: string | null;
  signedIn: boolean;
  /**
   * Another feature's part of the post (moderation: hidden notice, answered mark, flag, hide),
   * laid out with the post's action bar: its notices above the bar, its actions at the bar's end.
   */
  extra?: ReactNode;
  /** Quotes the post in the reply editor (given where the viewer may reply). */
  onQuote?: (markdown: string) => void;
}

/** One post: its author with their role badge, its body, thanks, the accept button, its edit history. */
export function PostView({ post, canAccept, acceptedAnswerId, signedIn, extra, onQuote }: PostViewProps) {
  const { t, i18n } = useTranslation('threads');
  const language = i18n.resolvedLanguage ?? 'en';
  const [editing, setEditing] = useState(false);
  const [thank, thanking] = useMutation(ThankMutation);
  const [accept, accepting] = useMutation(AcceptAnswerMutation);
  const ownPost = post.viewerCanEdit;
  // One cannot thank oneself, nor without an account: no button then, only the count.
  const mayThank = signedIn && !ownPost;
  const quote = () => {
    const body = document.querySelector(`#post-${post.id} > .post-body`);
    onQuote?.(quoteOf(post.author.displayName, body?.textContent ?? ''));
  };

  const toggleThanks = () =>
    thank({
      variables: { input: { postId: post.id } },
      optimisticResponse: {
        thank: {
          __typename: 'Post',
          id: post.id,
          viewerHasThanked: !post.viewerHasThanked,
          thanksCount: post.thanksCount + (post.viewerHasThanked ? -1 : 1),
        },
      },
    }).catch(() => undefined);

  // The thread comes back with its new answer; the answer it replaces, if any, is one no longer.
  const acceptAnswer = () =>
    accept({
      variables: { input: { postId: post.id } },
      update(cache) {
        if (!acceptedAnswerId || acceptedAnswerId === post.id) return;
        cache.modify({
          id: cache.identify({ __typename: 'Post', id: acceptedAnswerId }),
          fields: { isAcceptedAnswer: () => false },
        });
      },
    }).catch(() => undefined);

  const classes = [
    'post',
    post.isOfficial ? 'post-official' : '',
    post.isAcceptedAnswer ? 'post-accepted' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <article
      id={`post-${post.id}`}
      // Focusable for the j/k shortcuts, not a tab stop.
      tabIndex={-1}
      className={classes}
      aria-label={`${post.author.displayName}, ${formatDateTime(post.createdAt, language)}`}
    >
      <header className="post-header">
        <Avatar id={post.author.id} name={post.author.displayName} />
        <Link to={`/u/${post.author.id}`} className="post-author">
          {post.author.displayName}
        </Link>{' '}
        <RoleBadge role={post.author.role} />
        {post.isOfficial && <span className="chip chip-official">{t('post.official')}</span>}
        {post.isAcceptedAnswer && <span className="chip chip-answered">{t('post.accepted')}</span>}
        <span className="post-date">
          {' '}
          <RelativeTime iso={post.createdAt} />
          {post.editedAt && <> · {t('post.edited', { date: formatDateTime(post.editedAt, language) })}</>}
        </span>
      </header>

      {editing ? (
        <EditForm post={post} onDone={() => setEditing(false)} />
      ) : (
        // Sanitized by the API's Markdown renderer.
        <div className="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      )}
      <footer className="post-actions post-bar">
        {mayThank && (
          <button
            type="button"
            className={`button thank-button${post.viewerHasThanked ? ' thanked' : ''}`}
            aria-pressed={post.viewerHasThanked}
            aria-label={t('post.thankLabel', { name: post.author.displayName })}
            disabled={thanking.loading}
            onClick={() => void toggleThanks()}
          >
            {/* A toggle keeps its name; being pressed (aria-pressed, the tick and the colour) says
                it is done, so the visible word stays inside the accessible name in every language. */}
            {post.viewerHasThanked && <span aria-hidden="true">✓ </span>}
            {t('post.thank')}
          </button>
        )}
        {(mayThank || post.thanksCount > 0) && (
          <span className="thanks-count">{t('post.thanks', { count: post.thanksCount })}</span>
        )}
        {onQuote && !post.hidden && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('post.quoteLabel', { name: post.author.displayName })}
            onClick={quote}
          >
            {t('post.quote')}
          </button>
        )}
        <ShareLink postId={post.id} threadId={post.threadId} author={post.author.displayName} />
        {canAccept && !post.isQuestion && !post.isAcceptedAnswer && (
          <button
            type="button"
            className="button"
            disabled={accepting.loading}
            onClick={() => void acceptAnswer()}
          >
            {t('post.accept')}
          </button>
        )}
        {ownPost && !editing && (
          <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
            {t('post.edit')}
          </button>
        )}
      </footer>
      {extra}
      {thanking.error && <ErrorNotice error={thanking.error} />}
      {accepting.error && <ErrorNotice error={accepting.error} />}

      {post.revisions.length > 0 && (
        <details className="revisions">
          <summary>{t('post.revisions', { count: post.revisions.length })}</summary>
          <ol>
            {post.revisions.map((revision) => (
              <li key={revision.id}>
                <p className="revision-meta">
                  {t('post.revision', {
                    date: formatDateTime(revision.writtenAt, language),
                    replaced: formatDateTime(revision.replacedAt, language),
                  })}
                </p>
                <div className="post-body" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

/** A post as Markdown quoted in a reply: its author, then its text (the start of it, if long). */
export function quoteOf(author: string, text: string): string {
  const limit = 600;
  const trimmed = text.trim().replace(/\n{3,}/g, '\n\n');
  const shown = trimmed.length > limit ? `${trimmed.slice(0, limit).trimEnd()}…` : trimmed;
  const lines = [`**${author}**:`, ...shown.split('\n')];
  return `${lines.map((line) => (line ? `> ${line}` : '>')).join('\n')}\n\n`;
}

/**
 * A post's own address, copied for sharing (or followed, where the browser cannot copy): the
 * thread's page at the post.
 */
function ShareLink({ postId, threadId, author }: { postId: string; threadId: string; author: string }) {
  const { t } = useTranslation('threads');
  const absolute = useAbsoluteUrl();
  const [copied, setCopied] = useState(false);
  const path = `/t/${threadId}#post-${postId}`;
  return (
    <>
      <a
        href={path}
        className="button button-quiet"
        aria-label={t('post.shareLabel', { name: author })}
        onClick={(event) => {
          if (!navigator.clipboard) return;
          event.preventDefault();
          void navigator.clipboard.writeText(absolute(path)).then(
            () => setCopied(true),
            () => window.location.assign(path),
          );
        }}
      >
        {t('post.share')}
      </a>
      <span role="status" className="share-status">
        {copied ? t('post.linkCopied') : ''}
      </span>
    </>
  );
}

/**
 * The author rewrites their post; the API keeps the earlier version, returned in `revisions`.
 * Pages show the HTML only: the Markdown source is asked for when the editor opens (as it is now,
 * never from the cache).
 */
function EditForm({ post, onDone }: { post: PostViewFieldsFragment; onDone: () => void }) {
  const { data, error } = useQuery(PostMarkdownQuery, {
    variables: { id: post.id },
    fetchPolicy: 'network-only',
  });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <PageSkeleton />;
  return <MarkdownEditForm postId={post.id} initial={data.post.bodyMarkdown} onDone={onDone} />;
}

function MarkdownEditForm({
  postId,
  initial,
  onDone,
}: {
  postId: string;
  initial: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('threads');
  const [edit, { loading, error }] = useMutation(EditPostMutation);
  const { editor, submit } = useMarkdownForm({
    initial,
    keepText: true,
    send: (bodyMarkdown) => edit({ variables: { input: { postId, bodyMarkdown } } }),
    onSent: onDone,
  });

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <MarkdownEditor label={t('post.edit')} {...editor} />
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={loading}>
          {t('post.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('post.cancel')}
        </button>
      </div>
    </form>
  );
}
