import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StartPrivateFollowUpMutation } from '../api/threads';
import { bodyProblem } from './body-problem';
import { MarkdownEditor } from './MarkdownEditor';

/** Staff move a confidential case to a private conversation with the asker; the thread stays public. */
export function StartFollowUpForm({ threadId }: { threadId: string }) {
  const { t } = useTranslation('threads');
  const navigate = useNavigate();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [start, { loading, error }] = useMutation(StartPrivateFollowUpMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = bodyProblem(body);
    setProblem(found && t(found));
    if (found) return;
    try {
      const { data } = await start({ variables: { input: { threadId, bodyMarkdown: body } } });
      if (data) void navigate(`/follow-ups/${data.startPrivateFollowUp.id}`);
    } catch {
      // Shown below.
    }
  };

  return (
    <details className="follow-up-start">
      <summary>{t('thread.startFollowUp')}</summary>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <MarkdownEditor
          label={t('thread.followUpFirstMessage')}
          value={body}
          onChange={setBody}
          error={problem}
          rows={4}
        />
        {error && <ErrorNotice error={error} />}
        <button type="submit" className="button button-primary" disabled={loading}>
          {t('thread.startFollowUpSubmit')}
        </button>
      </form>
    </details>
  );
}
