import { useMutation, useQuery } from '@apollo/client/react';
import { THREAD_LIMITS } from '@parvis/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ContentLanguageField, useContentLanguage } from './ContentLanguageField';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { TextField } from '../../components/TextField';
import { useMarkdownForm } from '../../components/useMarkdownForm';
import { fieldErrors } from '../../lib/graphql-errors';
import { CreateThreadMutation, SimilarThreadsQuery } from '../api/threads';
import { useAskAttempt } from '../hooks/useAskAttempt';
import { ThreadStatusChip } from './ThreadStatusChip';

/** How long the title must rest before similar threads are looked up. */
export const SIMILAR_DELAY_MS = 300;

/**
 * Asking a question. While the title is typed, answered threads close to it are shown, so the
 * asker may find their answer without posting (DESIGN.md §1, deflection).
 */
export function NewThreadForm({
  spaceId,
  initialTitle = '',
  onCreated,
}: {
  spaceId: string;
  /** The words the asker searched for in vain, if they came from the search. */
  initialTitle?: string;
  onCreated: (threadId: string) => void;
}) {
  const { t } = useTranslation('threads');
  const [title, setTitle] = useState(initialTitle);
  const [language, setLanguage] = useContentLanguage();
  const [titleProblem, setTitleProblem] = useState<string | null>(null);
  const [settledTitle, setSettledTitle] = useState('');
  const [create, { loading, error }] = useMutation(CreateThreadMutation);
  const { body, validate, editor } = useMarkdownForm();
  const recordAsk = useAskAttempt(spaceId, language);

  useEffect(() => {
    const timer = setTimeout(() => setSettledTitle(title.trim()), SIMILAR_DELAY_MS);
    return () => clearTimeout(timer);
  }, [title]);
  const similar = useQuery(SimilarThreadsQuery, {
    variables: { title: settledTitle },
    skip: settledTitle.length < 3,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    const problem =
      trimmed.length < THREAD_LIMITS.title.min || trimmed.length > THREAD_LIMITS.title.max
        ? t('errors.titleLength')
        : null;
    setTitleProblem(problem);
    const bodyValid = validate();
    if (problem || !bodyValid) return;
    try {
      const { data } = await create({
        variables: { input: { spaceId, title: trimmed, bodyMarkdown: body, language } },
      });
      if (data) {
        // Recorded on the way: the asker goes to their question at once.
        void recordAsk('POSTED', data.createThread.id);
        onCreated(data.createThread.id);
      }
    } catch {
      // Field problems are shown beside their field, the others above the button.
    }
  };

  const apiErrors = fieldErrors(error);
  const similarThreads = settledTitle.length >= 3 ? (similar.data?.similar ?? []) : [];
  const suggestionsShown = similarThreads.length > 0;
  useEffect(() => {
    if (suggestionsShown) void recordAsk('SUGGESTIONS_SHOWN');
  }, [suggestionsShown, recordAsk]);
  return (
    <form className="form new-thread-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={t('ask.title')}
        hint={t('ask.titleHint')}
        value={title}
        maxLength={THREAD_LIMITS.title.max}
        onChange={(event) => setTitle(event.target.value)}
        error={titleProblem ?? apiErrors.title?.message}
        required
      />
      {similarThreads.length > 0 && (
        <aside className="similar" aria-labelledby="similar-heading" aria-live="polite">
          <h2 id="similar-heading">{t('ask.similarHeading')}</h2>
          <ul>
            {similarThreads.map((thread) => (
              <li key={thread.id}>
                <Link to={`/t/${thread.id}`} onClick={() => void recordAsk('SUGGESTION_OPENED')}>
                  {thread.title}
                </Link>{' '}
                <ThreadStatusChip status={thread.status} />
              </li>
            ))}
          </ul>
        </aside>
      )}
      <MarkdownEditor
        label={t('ask.body')}
        rows={8}
        {...editor}
        error={editor.error ?? apiErrors.bodyMarkdown?.message}
      />
      <ContentLanguageField value={language} onChange={setLanguage} />
      {error && !apiErrors.title && !apiErrors.bodyMarkdown && <ErrorNotice error={error} />}
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('ask.submitting') : t('ask.submit')}
      </button>
    </form>
  );
}
