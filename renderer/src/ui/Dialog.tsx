import { useEffect, useRef, type ReactNode } from 'react';

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
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first focusable element (often a Copy button of a command preview), and
    // React's autoFocus ran before it, on a dialog not yet shown; the control marked data-autofocus
    // is the one meant to have the focus.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="dialog-title" className="dialog__title">
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
