import type { MouseEvent, ReactNode } from 'react';
import { desktopFiles, type DesktopFiles } from '../rpc/desktop';

/**
 * A download, by whichever way this window has: a link the web host answers (the browser saves it),
 * or, where the desktop shell offers it, a button that saves through the system's save dialog.
 */
export function SaveLink({
  href,
  save,
  onFollow,
  className = 'button',
  label,
  children,
}: {
  href: string;
  /** The desktop way: opens the save dialog and streams the bytes into the chosen file. */
  save: (files: DesktopFiles) => void;
  /** Called as a browser follows the link. */
  onFollow?: (event: MouseEvent<HTMLAnchorElement>) => void;
  className?: string;
  /** An accessible name, when the visible text alone would be ambiguous. */
  label?: string;
  children: ReactNode;
}) {
  if (desktopFiles) {
    const files = desktopFiles;
    return (
      <button type="button" className={className} aria-label={label} onClick={() => save(files)}>
        {children}
      </button>
    );
  }
  return (
    <a className={className} href={href} download aria-label={label} onClick={onFollow}>
      {children}
    </a>
  );
}
