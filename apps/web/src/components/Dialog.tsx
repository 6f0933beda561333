import type { ReactNode } from 'react';
import { onDemand, useOnDemand } from '../lib/on-demand';

export interface DialogProps {
  /** Whether the dialog is shown; a dialog rendered only while needed passes `true`. */
  open: boolean;
  /** Called on Escape, on a click outside the panel, and by the dialog's own cancel buttons. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}

const modal = onDemand(() => import('./ModalDialog'));

/**
 * The one modal dialog of the app (see ModalDialog: focus in, Escape, focus back). Its code, and
 * Headless UI's, load on first opening, or when the browser is idle after hydration: a reader who
 * opens no dialog does not download them before the page is usable. Closed, it renders nothing,
 * on the server as in the browser.
 */
export function Dialog(props: DialogProps) {
  const loaded = useOnDemand(modal, props.open);
  if (!loaded) return null;
  return <loaded.ModalDialog {...props} />;
}

/** A dialog form's two buttons: the action (disabled while it runs) and the way out. */
export function DialogActions({
  submitLabel,
  cancelLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  cancelLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
