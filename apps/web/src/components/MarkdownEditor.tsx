import { useLazyQuery } from '@apollo/client/react';
import { type ClipboardEvent, type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { ErrorNotice } from './ErrorNotice';
import { Skeleton, SkeletonText } from './Skeleton';
import { isPhoto, PhotoRefused, uploadPhoto } from './photo-upload';

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
  /** What to write here, instead of the general Markdown hint. */
  hint?: string;
}

/**
 * A Markdown text area with a preview rendered by the API, so the preview is exactly what the
 * post will show (same renderer, same sanitizing). Its state lives in `useMarkdownForm`.
 * Photos: pasted, dropped or picked, each is sent to the API (`POST /uploads`) and its Markdown
 * (`![Photo](/uploads/<id>)`) inserted where the cursor is; the post shows its thumbnail, which
 * opens full size in the lightbox.
 */
export function MarkdownEditor({ label, value, onChange, error, rows = 6, hint }: MarkdownEditorProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [previewing, setPreviewing] = useState(false);
  const [loadPreview, preview] = useLazyQuery(MarkdownPreviewQuery, { fetchPolicy: 'network-only' });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // The latest text, for photos that arrive after the person went on typing.
  const latest = useRef(value);
  latest.current = value;
  const [uploading, setUploading] = useState(0);
  const [photoStatus, setPhotoStatus] = useState<{ error: boolean; text: string } | null>(null);

  const insertAtCursor = (snippet: string) => {
    const text = latest.current;
    const area = textarea.current;
    const at = area && document.activeElement === area ? area.selectionEnd : text.length;
    const before = text.slice(0, at);
    const after = text.slice(at);
    const insert = `${before && !before.endsWith('\n') ? '\n' : ''}${snippet}\n`;
    const next = before + insert + after;
    latest.current = next;
    onChange(next);
    requestAnimationFrame(() => area?.setSelectionRange(at + insert.length, at + insert.length));
  };

  const addPhotos = async (files: File[]) => {
    const photos = files.filter(isPhoto);
    if (photos.length === 0) {
      if (files.length) setPhotoStatus({ error: true, text: t('editor.photoNotImage') });
      return;
    }
    setPhotoStatus(null);
    for (const file of photos) {
      setUploading((n) => n + 1);
      try {
        const photo = await uploadPhoto(file, i18n);
        insertAtCursor(`![${t('editor.photoAlt')}](${photo.url})`);
        setPhotoStatus({ error: false, text: t('editor.photoAdded') });
      } catch (problem) {
        setPhotoStatus({
          error: true,
          text: problem instanceof PhotoRefused ? problem.message : t('errors.internal'),
        });
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files].filter(isPhoto);
    if (files.length === 0) return;
    event.preventDefault();
    void addPhotos(files);
  };

  const onDrop = (event: DragEvent<HTMLTextAreaElement>) => {
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    void addPhotos([...event.dataTransfer.files]);
  };

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
        <button
          type="button"
          className="button editor-photo"
          onClick={() => fileInput.current?.click()}
          disabled={previewing}
        >
          {t('editor.addPhoto')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/jpeg,image/png,image/gif,image/webp,image/avif"
          multiple
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void addPhotos(files);
          }}
        />
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        hidden={previewing}
        ref={textarea}
        onChange={(event) => onChange(event.target.value)}
        onPaste={onPaste}
        onDrop={onDrop}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes('Files')) event.preventDefault();
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      {previewing && (
        <section className="editor-preview" aria-label={t('editor.previewLabel')}>
          {!value.trim() ? (
            <p>{t('editor.previewEmpty')}</p>
          ) : preview.loading ? (
            <Skeleton>
              <SkeletonText width={90} />
              <SkeletonText width={60} />
            </Skeleton>
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
        {hint ?? t('editor.hint')} {t('editor.photoHint')}
      </p>
      <p className={photoStatus?.error ? 'field-error' : 'field-hint'} role="status">
        {uploading > 0 ? t('editor.photoUploading') : (photoStatus?.text ?? '')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
