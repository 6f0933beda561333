import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReplyMutation } from '../api/threads';
import { bodyProblem } from './body-problem';
import { MarkdownEditor } from './MarkdownEditor';

/** The reply editor at the bottom of a thread, with its Markdown preview. */
export function ReplyForm({ threadId, onReplied }: { threadId: string; onReplied: () => void }) {
  const { t } = useTranslation('threads');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reply, { loading, error }] = useMutation(ReplyMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = bodyProblem(body);
    setProblem(found && t(found));
    if (found) return;
    try {
      await reply({ variables: { input: { threadId, bodyMarkdown: body } } });
    } catch {
      return;
    }
    setBody('');
    onReplied();
  };

  return (
    <form className="form reply-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('reply.heading')}</h2>
      <MarkdownEditor label={t('reply.body')} value={body} onChange={setBody} error={problem} />
      {error && <ErrorNotice error={error} />}
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('reply.submitting') : t('reply.submit')}
      </button>
    </form>
  );
}
