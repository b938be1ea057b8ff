import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Shows the `docker` command an action equals, with a copy button: Berth teaches as it works.
 * `command` may be a function of whether secrets are shown: then secret values (passwords, tokens…)
 * are hidden, in the text and in what Copy copies, until the person presses "Show secrets".
 */
export function CommandPreview({ command, label }: { command: string | ((revealSecrets: boolean) => string); label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [reveal, setReveal] = useState(false);
  const shown = typeof command === 'string' ? command : command(reveal);
  const hasSecrets = typeof command !== 'string' && command(true) !== command(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard can be refused (no focus, no permission); the command stays selectable.
    }
  };
  return (
    <div className="command-preview" role="group" aria-label={label ?? t('common.dockerCommand')}>
      <span className="command-preview__label">{label ?? t('common.dockerCommand')}</span>
      <code className="command-preview__code">{shown}</code>
      {hasSecrets && (
        <button type="button" className="button button--small" onClick={() => setReveal(!reveal)}>
          {reveal ? t('common.hideSecrets') : t('common.revealSecrets')}
        </button>
      )}
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {copied ? t('common.copied') : t('common.copy')}
      </button>
    </div>
  );
}
