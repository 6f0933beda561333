import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import type { PostModerationFieldsFragment } from '../../gql/graphql';
import { Dialog } from '../../components/Dialog';
import { RestorePostMutation } from '../api/moderation';
import { FlagDialog } from './FlagDialog';
import { HiddenNotice } from './HiddenNotice';
import { HideForm } from './HideForm';
import { MarkAnsweredDialog } from './MarkAnsweredDialog';
import { ToneChip } from './ToneChip';

/**
 * What moderation shows and decides of a post. A page's query spreads it on each post it shows
 * (beside the fields of the component that renders the post), and every moderation mutation
 * returns it, so the cache holds the post's moderation state without a second query.
 */
export const PostModerationFields = graphql(`
  fragment PostModerationFields on Post {
    id
    createdAt
    bodyHtml
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
      {post.tone && <ToneChip tone={post.tone} />}
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
        {/* Kept mounted while its dialog is open, so that focus comes back to it. */}
        {post.viewerCanModerate && !post.hidden && (
          <button type="button" className="button" onClick={() => setHiding(true)}>
            {t('moderate.hide')}
          </button>
        )}
        {post.viewerCanMarkAnswered && <MarkAnswered post={post} replies={replies} />}
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
      {post.viewerCanModerate && (
        <Dialog
          open={hiding}
          onClose={() => setHiding(false)}
          className="hide-dialog"
          title={t('moderate.hideTitle')}
        >
          <HideForm postId={post.id} onDone={() => setHiding(false)} />
        </Dialog>
      )}
    </div>
  );
}

/** The "Mark answered" button and its dialog, offered while some other visible reply may be the answer. */
function MarkAnswered({ post, replies }: { post: ModeratedPost; replies: ModeratedPost[] }) {
  const { t } = useTranslation('moderation');
  const [open, setOpen] = useState(false);
  const candidates = replies.filter(
    (reply) => reply.id !== post.id && !reply.hidden && reply.id !== post.answered?.id,
  );
  if (candidates.length === 0) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('answered.open')}
      </button>
      <MarkAnsweredDialog
        postId={post.id}
        candidates={candidates}
        open={open}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
