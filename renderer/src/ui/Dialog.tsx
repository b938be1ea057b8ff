import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useHiddenSinceDrawn } from './view-showing';

/**
 * A modal built on <dialog>: the browser gives focus trapping, Escape to close and the right role,
 * so screen readers and Playwright's getByRole('dialog') both find it.
 */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Left open when its list was hidden (Back, a notification opening a container): closed on return,
  // since what it was doing (a pull, a push) stopped when the list was hidden.
  const hiddenSinceDrawn = useHiddenSinceDrawn();
  useEffect(() => {
    if (hiddenSinceDrawn) onClose();
  }, [hiddenSinceDrawn, onClose]);
  useEffect(() => {
    const dialog = ref.current;
    if (hiddenSinceDrawn) return;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first focusable element (often a Copy button of a command preview), and
    // React's autoFocus ran before it, on a dialog not yet shown; the control marked data-autofocus
    // is the one meant to have the focus.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog?.close();
  }, [hiddenSinceDrawn]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {/* One id per dialog: a kept list hidden with a dialog in it still holds that dialog in the page. */}
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/**
 * The buttons of a destructive confirmation: Cancel first and focused (Enter must never delete by
 * accident), then the action, in the danger style.
 */
export function ConfirmActions({ cancel, confirm, onCancel, onConfirm }: { cancel: string; confirm: string; onCancel: () => void; onConfirm: () => void }) {
  return (
    <div className="dialog__actions">
      <button type="button" className="button" data-autofocus onClick={onCancel}>
        {cancel}
      </button>
      <button type="button" className="button button--danger" onClick={onConfirm}>
        {confirm}
      </button>
    </div>
  );
}
