import { useMutation } from '@apollo/client/react';
import { CHARTER_RULES, MODERATION_LIMITS, type CharterRule } from '@parvis/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Dialog, DialogActions } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FlagMutation } from '../api/moderation';

interface FlagDialogProps {
  postId: string;
  open: boolean;
  onClose: () => void;
  onFlagged: () => void;
}

/**
 * Asks which charter rule a post breaks, with a note for the moderators. It says up front that
 * disagreeing with the brand is not a reason to flag.
 */
export function FlagDialog({ postId, open, onClose, onFlagged }: FlagDialogProps) {
  const { t } = useTranslation('moderation');
  const noteId = useId();
  const [rule, setRule] = useState<CharterRule | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [flag, { loading, error }] = useMutation(FlagMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rule) {
      setProblem(t('flag.chooseRule'));
      return;
    }
    setProblem(null);
    try {
      await flag({ variables: { input: { targetId: postId, reason: rule, note: note.trim() || null } } });
      onFlagged();
    } catch {
      // Shown below.
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      className="flag-dialog"
      title={t('flag.title')}
      description={
        <>
          {t('flag.notAReason')} <Link to="/charter">{t('flag.charterLink')}</Link>
        </>
      }
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset aria-invalid={problem ? true : undefined}>
          <legend>{t('flag.intro')}</legend>
          {CHARTER_RULES.map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name={`flag-rule-${postId}`}
                value={value}
                checked={rule === value}
                onChange={() => setRule(value)}
              />
              <span>
                <strong>{t(`rules.${value}`)}</strong> — {t(`ruleHelp.${value}`)}
              </span>
            </label>
          ))}
          {problem && <p className="field-error">{problem}</p>}
        </fieldset>
        <div className="field">
          <label htmlFor={noteId}>{t('flag.note')}</label>
          <textarea
            id={noteId}
            value={note}
            maxLength={MODERATION_LIMITS.flagNote.max}
            onChange={(event) => setNote(event.target.value)}
            rows={2}
          />
        </div>
        {error && <ErrorNotice error={error} />}
        <DialogActions
          submitLabel={t('flag.submit')}
          cancelLabel={t('flag.cancel')}
          busy={loading}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
