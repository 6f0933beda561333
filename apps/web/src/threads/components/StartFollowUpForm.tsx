import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { useMarkdownForm } from '../../components/useMarkdownForm';
import { StartPrivateFollowUpMutation } from '../api/threads';

/** Staff move a confidential case to a private conversation with the asker; the thread stays public. */
export function StartFollowUpForm({ threadId }: { threadId: string }) {
  const { t } = useTranslation('threads');
  const navigate = useNavigate();
  const [start, { loading, error }] = useMutation(StartPrivateFollowUpMutation);
  const { editor, submit } = useMarkdownForm({
    keepText: true,
    send: async (bodyMarkdown) => {
      const { data } = await start({ variables: { input: { threadId, bodyMarkdown } } });
      if (data) void navigate(`/follow-ups/${data.startPrivateFollowUp.id}`);
    },
  });

  return (
    <details className="follow-up-start">
      <summary>{t('thread.startFollowUp')}</summary>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <MarkdownEditor label={t('thread.followUpFirstMessage')} rows={4} {...editor} />
        {error && <ErrorNotice error={error} />}
        <button type="submit" className="button button-primary" disabled={loading}>
          {t('thread.startFollowUpSubmit')}
        </button>
      </form>
    </details>
  );
}
