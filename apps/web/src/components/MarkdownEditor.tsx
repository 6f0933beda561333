import { useLazyQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

export const MarkdownPreviewQuery = graphql(`
  query MarkdownPreview($bodyMarkdown: String!) {
    markdownPreview(bodyMarkdown: $bodyMarkdown)
  }
`);

interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  rows?: number;
}

/**
 * A Markdown text area with a preview rendered by the API, so the preview is exactly what the
 * post will show (same renderer, same sanitizing). Its state lives in `useMarkdownForm`.
 */
export function MarkdownEditor({ label, value, onChange, error, rows = 6 }: MarkdownEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const [previewing, setPreviewing] = useState(false);
  const [loadPreview, preview] = useLazyQuery(MarkdownPreviewQuery, { fetchPolicy: 'network-only' });

  const showPreview = () => {
    setPreviewing(true);
    if (value.trim()) void loadPreview({ variables: { bodyMarkdown: value } });
  };

  return (
    <div className="field markdown-editor">
      <label htmlFor={id}>{label}</label>
      <div className="editor-tabs" role="group" aria-label={t('editor.mode')}>
        <button
          type="button"
          className="button"
          aria-pressed={!previewing}
          onClick={() => setPreviewing(false)}
        >
          {t('editor.write')}
        </button>
        <button type="button" className="button" aria-pressed={previewing} onClick={showPreview}>
          {t('editor.preview')}
        </button>
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        hidden={previewing}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      {previewing && (
        <section className="editor-preview" aria-label={t('editor.previewLabel')}>
          {!value.trim() ? (
            <p>{t('editor.previewEmpty')}</p>
          ) : preview.loading ? (
            <Loading />
          ) : preview.error ? (
            <ErrorNotice error={preview.error} />
          ) : (
            // Sanitized by the API's Markdown renderer.
            <div
              className="post-body"
              dangerouslySetInnerHTML={{ __html: preview.data?.markdownPreview ?? '' }}
            />
          )}
        </section>
      )}
      <p id={`${id}-hint`} className="field-hint">
        {t('editor.hint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
