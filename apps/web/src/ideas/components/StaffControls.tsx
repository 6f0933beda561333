import { useMutation } from '@apollo/client/react';
import {
  ideaStatusRequiresResponse,
  nextIdeaStatuses,
  type IdeaStatus,
  type SettableIdeaStatus,
} from '@parvis/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogActions } from '../../components/Dialog';
import { useProblemMessage } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { apiProblems } from '../../lib/graphql-errors';
import { MergeIdeaMutation, SetIdeaStatusMutation } from '../api/ideas';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Staff answer with a status and an official response; moderators also merge duplicates. Each
 * decision is taken in a dialog opened by a button that stays in place (focus goes into the
 * dialog, Escape closes it, focus comes back to the button). Both mutations return the idea's
 * new status and history, which the page shows from the cache.
 */
export function StaffControls({
  idea,
  canMerge,
}: {
  idea: { id: string; status: IdeaStatus };
  canMerge: boolean;
}) {
  const { t } = useTranslation('ideas');
  const problemMessage = useProblemMessage();
  const choices = nextIdeaStatuses(idea.status);
  const [status, setStatus] = useState<SettableIdeaStatus | ''>('');
  const [response, setResponse] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<{ response?: string; status?: string; merge?: string }>({});
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState<'status' | 'merge' | null>(null);
  const close = () => {
    setOpen(null);
    setErrors({});
  };
  const [setIdeaStatus, { loading: saving }] = useMutation(SetIdeaStatusMutation);
  const [mergeIdea, { loading: merging }] = useMutation(MergeIdeaMutation);
  const chosen = status || choices[0];

  const changeStatus = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!chosen) return;
    if (ideaStatusRequiresResponse(chosen) && !response.trim())
      return setErrors({ response: t('staff.responseRequired') });
    try {
      await setIdeaStatus({
        variables: { input: { ideaId: idea.id, status: chosen, response: response.trim() || null } },
      });
      setErrors({});
      setResponse('');
      setStatus('');
      setSaved(true);
      setOpen(null);
    } catch (caught) {
      const [problem] = apiProblems(caught);
      setErrors(
        problem?.field === 'response'
          ? { response: problemMessage(problem) }
          : { status: problemMessage(problem) },
      );
    }
  };

  const merge = async (event: FormEvent) => {
    event.preventDefault();
    const intoId = UUID.exec(target)?.[0];
    if (!intoId) return setErrors({ merge: t('staff.mergeInvalid') });
    try {
      await mergeIdea({ variables: { input: { sourceId: idea.id, intoId } } });
      setErrors({});
      setTarget('');
      setOpen(null);
    } catch (caught) {
      setErrors({ merge: problemMessage(apiProblems(caught)[0]) });
    }
  };

  return (
    <section className="staff-controls" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staff.title')}</h2>
      {choices.length === 0 && <p>{t('staff.noNext')}</p>}
      <div className="post-actions">
        {choices.length > 0 && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setSaved(false);
              setOpen('status');
            }}
          >
            {t('staff.openStatus')}
          </button>
        )}
        {canMerge && idea.status !== 'MERGED' && (
          <button type="button" className="button" onClick={() => setOpen('merge')}>
            {t('staff.openMerge')}
          </button>
        )}
      </div>
      {saved && <p role="status">{t('staff.saved')}</p>}
      {choices.length > 0 && (
        <Dialog open={open === 'status'} onClose={close} title={t('staff.statusTitle')}>
          <form className="form" onSubmit={(event) => void changeStatus(event)} noValidate>
            {errors.status && (
              <p role="alert" className="notice notice-error">
                {errors.status}
              </p>
            )}
            <div className="field">
              <label htmlFor="staff-status">{t('staff.newStatus')}</label>
              <select
                id="staff-status"
                value={chosen}
                onChange={(e) => setStatus(e.target.value as SettableIdeaStatus)}
              >
                {choices.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="staff-response">{t('staff.response')}</label>
              <textarea
                id="staff-response"
                rows={4}
                value={response}
                onChange={(e) => setResponse(e.target.value)}
                aria-invalid={errors.response ? true : undefined}
                aria-describedby={
                  errors.response ? 'staff-response-hint staff-response-error' : 'staff-response-hint'
                }
              />
              <p id="staff-response-hint" className="field-hint">
                {t('staff.responseHint')}
              </p>
              {errors.response && (
                <p id="staff-response-error" className="field-error">
                  {errors.response}
                </p>
              )}
            </div>
            <DialogActions
              submitLabel={t('staff.apply')}
              cancelLabel={t('staff.cancel')}
              busy={saving}
              onCancel={close}
            />
          </form>
        </Dialog>
      )}
      {canMerge && idea.status !== 'MERGED' && (
        <Dialog open={open === 'merge'} onClose={close} title={t('staff.mergeTitle')}>
          <form className="form" onSubmit={(event) => void merge(event)} noValidate>
            <TextField
              label={t('staff.mergeInto')}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              error={errors.merge}
            />
            <DialogActions
              submitLabel={t('staff.merge')}
              cancelLabel={t('staff.cancel')}
              busy={merging}
              onCancel={close}
            />
          </form>
        </Dialog>
      )}
    </section>
  );
}
