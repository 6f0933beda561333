import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AuthorFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { MarkAnsweredMutation } from '../api/moderation';
import { excerptOf } from './excerpt';

/** A reply that may answer the post: who wrote it, when, and its text (for its first words). */
export interface AnswerCandidate {
  id: string;
  createdAt: string;
  bodyHtml: string;
  author: Pick<AuthorFieldsFragment, 'displayName'>;
}

/**
 * Which reply answers the post: each reply offered with its author, its time and its first
 * words, since "Sarah · 14:05" alone does not say which reply is the answer.
 */
export function MarkAnsweredDialog({
  postId,
  candidates,
  open,
  onClose,
  onMarked,
}: {
  postId: string;
  candidates: AnswerCandidate[];
  open: boolean;
  onClose: () => void;
  onMarked?: () => void;
}) {
  const { t, i18n } = useTranslation('moderation');
  const [answerId, setAnswerId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [mark, { loading, error }] = useMutation(MarkAnsweredMutation);
  const language = i18n.resolvedLanguage ?? 'en';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!answerId) return setProblem(t('answered.chooseFirst'));
    setProblem(null);
    try {
      await mark({ variables: { input: { postId, answerPostId: answerId } } });
      setAnswerId('');
      onClose();
      onMarked?.();
    } catch {
      // Shown below.
    }
  };

  return (
    <Dialog open={open} onClose={onClose} className="answer-dialog" title={t('answered.dialogTitle')}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset aria-invalid={problem ? true : undefined}>
          <legend>{t('answered.markLabel')}</legend>
          {/* The first reply's radio is focused when the dialog opens (Headless UI's data-autofocus):
              the decision is there, and a dialog that focused only its own frame would lose the
              focus to the "Moderate" menu that opened it, which gives focus back to its button a
              frame after an item's click unless something one can Tab to holds it. */}
          {candidates.map((reply, index) => (
            <label key={reply.id} className="radio answer-choice">
              <input
                type="radio"
                data-autofocus={index === 0 ? true : undefined}
                name={`answer-for-${postId}`}
                value={reply.id}
                checked={answerId === reply.id}
                onChange={() => setAnswerId(reply.id)}
              />
              <span>
                <strong>{reply.author.displayName}</strong>,{' '}
                <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt, language)}</time>
                <span className="answer-excerpt">{excerptOf(reply.bodyHtml)}</span>
              </span>
            </label>
          ))}
          {problem && <p className="field-error">{problem}</p>}
        </fieldset>
        {error && <ErrorNotice error={error} />}
        <DialogActions
          submitLabel={t('answered.markSubmit')}
          cancelLabel={t('moderate.cancel')}
          busy={loading}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
