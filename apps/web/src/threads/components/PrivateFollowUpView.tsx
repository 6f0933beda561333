import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { RoleBadge } from '../../components/RoleBadge';
import { formatDateTime } from '../../lib/format';
import { PrivateFollowUpQuery, SendPrivateMessageMutation } from '../api/threads';
import { bodyProblem } from './body-problem';
import { MarkdownEditor } from './MarkdownEditor';

/** A private follow-up: the conversation between the asker and staff, and a form to write in it. */
export function PrivateFollowUpView({ id }: { id: string }) {
  const { t, i18n } = useTranslation('threads');
  const { data, loading, error, refetch } = useQuery(PrivateFollowUpQuery, { variables: { id } });
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [send, sending] = useMutation(SendPrivateMessageMutation);
  const language = i18n.resolvedLanguage ?? 'en';

  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} />;
  const followUp = data.privateFollowUp;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = bodyProblem(body);
    setProblem(found && t(found));
    if (found) return;
    try {
      await send({ variables: { input: { followUpId: followUp.id, bodyMarkdown: body } } });
    } catch {
      return;
    }
    setBody('');
    void refetch();
  };

  return (
    <div className="follow-up">
      <header className="page-header">
        <h1>{t('followUp.heading')}</h1>
        <p>
          {t('followUp.about')} <Link to={`/t/${followUp.thread.id}`}>{followUp.thread.title}</Link>
        </p>
        <p>
          {t('followUp.between', { asker: followUp.asker.displayName, agent: followUp.agent.displayName })}
        </p>
      </header>
      <ol className="messages">
        {followUp.messages.map((message) => (
          <li key={message.id} className="post">
            <header className="post-header">
              <span className="post-author">{message.author.displayName}</span>{' '}
              <RoleBadge role={message.author.role} />{' '}
              <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, language)}</time>
            </header>
            <div className="post-body" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
          </li>
        ))}
      </ol>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <MarkdownEditor
          label={t('followUp.message')}
          value={body}
          onChange={setBody}
          error={problem}
          rows={4}
        />
        {sending.error && <ErrorNotice error={sending.error} />}
        <button type="submit" className="button button-primary" disabled={sending.loading}>
          {sending.loading ? t('followUp.sending') : t('followUp.send')}
        </button>
      </form>
    </div>
  );
}
