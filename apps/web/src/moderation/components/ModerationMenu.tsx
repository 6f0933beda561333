import { useMutation } from '@apollo/client/react';
import { Menu, MenuButton, MenuItem, MenuItems } from '@headlessui/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { PostModerationFieldsFragment } from '../../gql/graphql';
import { RestorePostMutation } from '../api/moderation';
import { HideForm } from './HideForm';
import { answerCandidates } from './moderation-offers';
import { MarkAnsweredDialog } from './MarkAnsweredDialog';

type ModeratedPost = PostModerationFieldsFragment;

/**
 * The "Moderate" menu at the end of a post's action bar: hide or restore (moderators), mark
 * answered by one of `replies` (experts, staff, moderators). Headless UI's menu (arrow keys,
 * Enter, Escape, focus back to its button); an item that needs a decision opens its dialog,
 * which gives focus back to the menu's button when it closes, and must focus one of its fields
 * when it opens (`data-autofocus`): two frames after an item's click, the menu moves the focus to
 * its button unless it rests on something one can Tab to, and the dialog's own frame is not.
 * Loaded lazily by `PostModerationView`, only for a viewer who may use it, so that nobody else
 * downloads it.
 */
export function ModerationMenu({ post, replies }: { post: ModeratedPost; replies: ModeratedPost[] }) {
  const { t } = useTranslation('moderation');
  const [dialog, setDialog] = useState<'hide' | 'answered' | null>(null);
  const [restore, restoring] = useMutation(RestorePostMutation);
  const candidates = post.viewerCanMarkAnswered ? answerCandidates(post, replies) : [];
  const close = () => setDialog(null);

  return (
    <>
      <Menu as="div" className="menu moderation-menu">
        <MenuButton
          className="button menu-button moderation-menu-button"
          aria-label={t('menu.label', { name: post.author.displayName })}
        >
          {t('menu.open')}
        </MenuButton>
        <MenuItems className="menu-items" modal={false}>
          {post.viewerCanModerate && !post.hidden && (
            <MenuItem as="button" type="button" className="menu-item" onClick={() => setDialog('hide')}>
              {t('menu.hide')}
            </MenuItem>
          )}
          {post.viewerCanModerate && post.hidden && (
            <MenuItem
              as="button"
              type="button"
              className="menu-item"
              disabled={restoring.loading}
              onClick={() =>
                void restore({ variables: { input: { postId: post.id } } }).catch(() => undefined)
              }
            >
              {t('moderate.restore')}
            </MenuItem>
          )}
          {candidates.length > 0 && (
            <MenuItem as="button" type="button" className="menu-item" onClick={() => setDialog('answered')}>
              {t('answered.open')}
            </MenuItem>
          )}
        </MenuItems>
      </Menu>
      {restoring.error && <ErrorNotice error={restoring.error} />}
      {post.viewerCanModerate && (
        <Dialog
          open={dialog === 'hide'}
          onClose={close}
          className="hide-dialog"
          title={t('moderate.hideTitle')}
        >
          <HideForm postId={post.id} onDone={close} />
        </Dialog>
      )}
      {candidates.length > 0 && (
        <MarkAnsweredDialog
          postId={post.id}
          candidates={candidates}
          open={dialog === 'answered'}
          onClose={close}
        />
      )}
    </>
  );
}
