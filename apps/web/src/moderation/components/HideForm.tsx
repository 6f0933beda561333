import { DialogActions } from '../../components/Dialog';
import { useMutation } from '@apollo/client/react';
import { CHARTER_RULES, MODERATION_LIMITS, type CharterRule } from '@parvis/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { HidePostMutation } from '../api/moderation';

/** A moderator hides a post, always naming the charter rule it breaks (the API refuses otherwise). */
export function HideForm({
  postId,
  onDone,
  initialRule = null,
}: {
  postId: string;
  onDone: () => void;
  initialRule?: CharterRule | null;
}) {
  const { t } = useTranslation('moderation');
  const ruleId = useId();
  const noteId = useId();
  const [rule, setRule] = useState<CharterRule | ''>(initialRule ?? '');
  const [note, setNote] = useState('');
  const [hide, { loading, error }] = useMutation(HidePostMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await hide({
        variables: { input: { postId, reason: rule === '' ? null : rule, note: note.trim() || null } },
      });
      onDone();
    } catch {
      // Shown below (a missing rule comes back as BAD_USER_INPUT on reason).
    }
  };

  return (
    <form
      className="form hide-form"
      aria-label={t('moderate.hideTitle')}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <div className="field">
        <label htmlFor={ruleId}>{t('moderate.reason')}</label>
        {/* The first decision: focused when the dialog opens (Headless UI's data-autofocus). */}
        <select
          id={ruleId}
          data-autofocus
          value={rule}
          onChange={(event) => setRule(event.target.value as CharterRule)}
        >
          <option value="">—</option>
          {CHARTER_RULES.map((value) => (
            <option key={value} value={value}>
              {t(`rules.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={noteId}>{t('moderate.note')}</label>
        <textarea
          id={noteId}
          value={note}
          maxLength={MODERATION_LIMITS.hideNote.max}
          rows={2}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      {error && <ErrorNotice error={error} />}
      <DialogActions
        submitLabel={t('moderate.hideSubmit')}
        cancelLabel={t('moderate.cancel')}
        busy={loading}
        onCancel={onDone}
      />
    </form>
  );
}
