import {
  Description,
  DialogBackdrop,
  DialogPanel,
  DialogTitle,
  Dialog as HeadlessDialog,
} from '@headlessui/react';
import type { DialogProps } from './Dialog';

// Headless UI gives the focus back, on closing, to the element focused before the dialog opened,
// which it learns from a history of focus events it keeps from the moment it is loaded. Loaded on
// demand, it may have missed the opener (focused, then pressed, before this code arrived): it is
// told which element has the focus now (a `focus` event, which React's handlers do not see).
if (typeof document !== 'undefined') {
  const opener = document.activeElement;
  if (opener && opener !== document.body) opener.dispatchEvent(new FocusEvent('focus'));
}

/**
 * The modal dialog's implementation, on Headless UI's: focus moves into the dialog when it opens
 * and stays there, Escape and a click outside close it, focus returns to what opened it, and the
 * rest of the page is hidden from assistive technology meanwhile. Headless UI rather than a
 * hand-written one because those rules are easy to get almost right; rather than Radix because
 * Radix's scroll lock injects a <style> element, which the strict CSP (style-src 'self') refuses.
 * Loaded on demand by `Dialog` (with Headless UI): a reader who opens no dialog never downloads it.
 */
export function ModalDialog({ open, onClose, title, description, className, children }: DialogProps) {
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
