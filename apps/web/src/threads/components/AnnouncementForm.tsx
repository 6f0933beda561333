import { useMutation } from '@apollo/client/react';
import { LANGUAGES, THREAD_LIMITS, type Language } from '@parvis/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
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
  const { t, i18n } = useTranslation('threads');
  const languageId = useId();
  const [title, setTitle] = useState('');
  const [pinned, setPinned] = useState(true);
  const [language, setLanguage] = useState<Language>(
    ((LANGUAGES as readonly string[]).includes(i18n.resolvedLanguage ?? '')
      ? i18n.resolvedLanguage
      : 'en') as Language,
  );
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
      <div className="field">
        <label htmlFor={languageId}>{t('ask.language')}</label>
        <select
          id={languageId}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
        >
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {t(`language.${lng}`, { ns: 'common' })}
            </option>
          ))}
        </select>
      </div>
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
