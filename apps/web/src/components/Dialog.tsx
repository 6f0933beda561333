import {
  Description,
  DialogBackdrop,
  DialogPanel,
  DialogTitle,
  Dialog as HeadlessDialog,
} from '@headlessui/react';
import type { ReactNode } from 'react';

interface DialogProps {
  /** Whether the dialog is shown; a dialog rendered only while needed passes `true`. */
  open: boolean;
  /** Called on Escape, on a click outside the panel, and by the dialog's own cancel buttons. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}

/**
 * The one modal dialog of the app, on Headless UI's: focus moves into the dialog when it opens
 * and stays there, Escape and a click outside close it, focus returns to what opened it, and the
 * rest of the page is hidden from assistive technology meanwhile. Headless UI rather than a
 * hand-written one because those rules are easy to get almost right; rather than Radix because
 * Radix's scroll lock injects a <style> element, which the strict CSP (style-src 'self') refuses.
 */
export function Dialog({ open, onClose, title, description, className, children }: DialogProps) {
  return (
    <HeadlessDialog open={open} onClose={onClose} className="dialog-root">
      <DialogBackdrop className="dialog-backdrop" />
      <div className="dialog-frame">
        <DialogPanel className={className ? `dialog ${className}` : 'dialog'}>
          <DialogTitle as="h2" className="dialog-title">
            {title}
          </DialogTitle>
          {description && <Description className="field-hint">{description}</Description>}
          {children}
        </DialogPanel>
      </div>
    </HeadlessDialog>
  );
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
