import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { PostModerationFieldsFragment } from '../../gql/graphql';
import { FlagDialog } from './FlagDialog';
import { HiddenNotice } from './HiddenNotice';
import { offersModeration } from './moderation-offers';
import { ToneChip } from './ToneChip';

// Only moderators, staff and experts use the menu (and its menu library): nobody else loads it.
const ModerationMenu = lazy(() =>
  import('./ModerationMenu').then((module) => ({ default: module.ModerationMenu })),
);

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
 * viewer may take at the end of the post's action bar: flag, and the "Moderate" menu (hide or
 * restore; mark answered by one of `replies`).
 */
export function PostModerationView({ post, replies }: { post: ModeratedPost; replies: ModeratedPost[] }) {
  const { t } = useTranslation('moderation');
  const [flagging, setFlagging] = useState(false);
  const [flaggedNow, setFlaggedNow] = useState(false);
  const flagged = post.viewerHasFlagged || flaggedNow;
  const answer = post.answered;
  const readerSeesText = post.viewerCanEdit || post.viewerCanModerate;
  // The menu is drawn in the browser only, once its code is there: a button the server drew would
  // sit dead until that code arrived (a key pressed on it meanwhile would do nothing).
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);

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
        {inBrowser && offersModeration(post, replies) && (
          <Suspense fallback={null}>
            <ModerationMenu post={post} replies={replies} />
          </Suspense>
        )}
      </div>
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
    </div>
  );
}
