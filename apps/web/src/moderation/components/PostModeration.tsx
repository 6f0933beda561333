import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import type { PostModerationFieldsFragment } from '../../gql/graphql';
import { MarkAnsweredMutation, RestorePostMutation } from '../api/moderation';
import { FlagDialog } from './FlagDialog';
import { HiddenNotice } from './HiddenNotice';
import { HideForm } from './HideForm';

/**
 * What moderation shows and decides of a post. A page's query spreads it on each post it shows
 * (beside the fields of the component that renders the post), and every moderation mutation
 * returns it, so the cache holds the post's moderation state without a second query.
 */
export const PostModerationFields = graphql(`
  fragment PostModerationFields on Post {
    id
    createdAt
    author {
      ...AuthorFields
    }
    hidden {
      reason
      note
      at
      by {
        id
        displayName
      }
    }
    answered {
      id
      author {
        ...AuthorFields
      }
    }
    answeredAt
    tone {
      label
      score
    }
    viewerHasFlagged
    viewerCanFlag
    viewerCanModerate
    viewerCanMarkAnswered
    viewerCanEdit
  }
`);

type ModeratedPost = PostModerationFieldsFragment;

/**
 * The moderation side of one post, shown under its body (thread page, idea page): the hidden
 * notice, the answered mark with a link to the answer, the tone (staff), and the actions the
 * viewer may take (flag; hide or restore; mark answered by one of `replies`).
 */
export function PostModerationView({ post, replies }: { post: ModeratedPost; replies: ModeratedPost[] }) {
  const { t } = useTranslation('moderation');
  const [flagging, setFlagging] = useState(false);
  const [hiding, setHiding] = useState(false);
  const [flaggedNow, setFlaggedNow] = useState(false);
  const flagged = post.viewerHasFlagged || flaggedNow;
  const [restore, restoring] = useMutation(RestorePostMutation);
  const answer = post.answered;
  const readerSeesText = post.viewerCanEdit || post.viewerCanModerate;

  return (
    <div className="post-moderation">
      {post.hidden && <HiddenNotice hidden={post.hidden} readerSeesText={readerSeesText} />}
      {answer && (
        <p className="answered-mark" role="note">
          <span className="chip chip-answered">
            {t('answered.mark', { name: answer.author.displayName })}
          </span>{' '}
          <a href={`#post-${answer.id}`}>{t('answered.link')}</a>
        </p>
      )}
      {post.tone && (
        <span className={`chip chip-tone chip-tone-${post.tone.label.toLowerCase()}`}>
          {t('moderate.tone', { tone: t(`tones.${post.tone.label}`), score: post.tone.score.toFixed(2) })}
        </span>
      )}
      <div className="post-actions">
        {post.viewerCanFlag && !flagged && (
          <button
            type="button"
            className="button"
            aria-label={t('flag.openLabel', { name: post.author.displayName })}
            onClick={() => setFlagging(true)}
          >
            {t('flag.open')}
          </button>
        )}
        {flagged && <span role="status">{t('flag.flagged')}</span>}
        {post.viewerCanModerate && !post.hidden && !hiding && (
          <button type="button" className="button" onClick={() => setHiding(true)}>
            {t('moderate.hide')}
          </button>
        )}
        {post.viewerCanModerate && post.hidden && (
          <button
            type="button"
            className="button"
            disabled={restoring.loading}
            onClick={() => void restore({ variables: { input: { postId: post.id } } }).catch(() => undefined)}
          >
            {t('moderate.restore')}
          </button>
        )}
      </div>
      {restoring.error && <ErrorNotice error={restoring.error} />}
      {post.viewerCanFlag && (
        <FlagDialog
          open={flagging}
          postId={post.id}
          onClose={() => setFlagging(false)}
          onFlagged={() => {
            setFlagging(false);
            setFlaggedNow(true);
          }}
        />
      )}
      {hiding && <HideForm postId={post.id} onDone={() => setHiding(false)} />}
      {post.viewerCanMarkAnswered && <MarkAnsweredForm post={post} replies={replies} />}
    </div>
  );
}

function MarkAnsweredForm({ post, replies }: { post: ModeratedPost; replies: ModeratedPost[] }) {
  const { t, i18n } = useTranslation('moderation');
  const selectId = useId();
  const candidates = replies.filter(
    (reply) => reply.id !== post.id && !reply.hidden && reply.id !== post.answered?.id,
  );
  const [answerId, setAnswerId] = useState('');
  const [mark, { loading, error }] = useMutation(MarkAnsweredMutation);
  if (candidates.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!answerId) return;
    try {
      await mark({ variables: { input: { postId: post.id, answerPostId: answerId } } });
      setAnswerId('');
    } catch {
      // Shown below.
    }
  };

  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={selectId}>{t('answered.markLabel')}</label>{' '}
      <select id={selectId} value={answerId} onChange={(event) => setAnswerId(event.target.value)}>
        <option value="">{t('answered.choose')}</option>
        {candidates.map((reply) => (
          <option key={reply.id} value={reply.id}>
            {reply.author.displayName} ·{' '}
            {new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(
              new Date(reply.createdAt),
            )}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button" disabled={loading || !answerId}>
        {t('answered.markSubmit')}
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
