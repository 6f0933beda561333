import { useMutation } from '@apollo/client/react';
import { THREAD_LIMITS } from '@parvis/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ContentLanguageField, useContentLanguage } from './ContentLanguageField';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { TextField } from '../../components/TextField';
import { useMarkdownForm } from '../../components/useMarkdownForm';
import { fieldErrors } from '../../lib/graphql-errors';
import { CreateThreadMutation } from '../api/threads';

/**
 * Staff and moderators publishing an announcement: a title, Markdown, its language, and whether
 * it is pinned (first in the space and on the home page). Members comment on it like a thread.
 */
export function AnnouncementForm({
  spaceId,
  onCreated,
}: {
  spaceId: string;
  onCreated: (threadId: string) => void;
}) {
  const { t } = useTranslation('threads');
  const [title, setTitle] = useState('');
  const [pinned, setPinned] = useState(true);
  const [language, setLanguage] = useContentLanguage();
  const [titleProblem, setTitleProblem] = useState<string | null>(null);
  const [create, { loading, error }] = useMutation(CreateThreadMutation);
  const { body, validate, editor } = useMarkdownForm();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    const problem =
      trimmed.length < THREAD_LIMITS.title.min || trimmed.length > THREAD_LIMITS.title.max
        ? t('errors.titleLength')
        : null;
    setTitleProblem(problem);
    if (!validate() || problem) return;
    try {
      const { data } = await create({
        variables: { input: { spaceId, title: trimmed, bodyMarkdown: body, language, pinned } },
      });
      if (data) onCreated(data.createThread.id);
    } catch {
      // Shown below: beside its field, or above the button.
    }
  };

  const apiErrors = fieldErrors(error);
  return (
    <form className="form announcement-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={t('announcement.title')}
        value={title}
        maxLength={THREAD_LIMITS.title.max}
        onChange={(event) => setTitle(event.target.value)}
        error={titleProblem ?? apiErrors.title?.message}
        required
      />
      <MarkdownEditor
        label={t('announcement.body')}
        rows={10}
        {...editor}
        error={editor.error ?? apiErrors.bodyMarkdown?.message}
      />
      <ContentLanguageField value={language} onChange={setLanguage} />
      <div className="field field-inline">
        <label>
          <input type="checkbox" checked={pinned} onChange={(event) => setPinned(event.target.checked)} />{' '}
          {t('announcement.pinned')}
        </label>
      </div>
      {error && !apiErrors.title && !apiErrors.bodyMarkdown && <ErrorNotice error={error} />}
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('announcement.publishing') : t('announcement.publish')}
      </button>
    </form>
  );
}
