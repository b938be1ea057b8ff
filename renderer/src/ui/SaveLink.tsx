import { useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketUrl } from '../rpc/door';
import { toBerthError } from '../rpc/errors';
import { errorText } from './errorText';
import { desktopFiles, type DesktopFiles } from '../rpc/desktop';

/**
 * A download, by whichever way this window has: a link the web host answers (the browser saves it),
 * or, where the desktop shell offers it, a button that saves through the system's save dialog.
 * On the web host the link's own address is never fetched as is: a click mints a single-use address
 * for it (the host takes no cookies) and the browser follows that.
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
  /** Called as a browser follows the link; preventing its default stops the download. */
  onFollow?: (event: MouseEvent<HTMLAnchorElement>) => void;
  className?: string;
  /** An accessible name, when the visible text alone would be ambiguous. */
  label?: string;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [refused, setRefused] = useState<string>();
  if (desktopFiles) {
    const files = desktopFiles;
    return (
      <button type="button" className={className} aria-label={label} onClick={() => save(files)}>
        {children}
      </button>
    );
  }
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onFollow?.(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    setRefused(undefined);
    ticketUrl('GET', href)
      .then((target) => {
        const link = document.createElement('a');
        link.href = target;
        link.download = '';
        document.body.append(link);
        link.click();
        link.remove();
      })
      // The host's refusal in the person's language (errors.hostRefused), never its English text.
      .catch((e: unknown) => setRefused(errorText(i18n, toBerthError(e)).text));
  };
  return (
    <>
      <a className={className} href={href} download aria-label={label} onClick={follow}>
        {children}
      </a>
      {refused && (
        <span className="field__problem" role="alert">
          {t('door.downloadRefused', { reason: refused })}
        </span>
      )}
    </>
  );
}
