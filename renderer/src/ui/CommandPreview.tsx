import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows the `docker` command an action equals, with a copy button: Berth teaches as it works. */
export function CommandPreview({ command, label }: { command: string; label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard can be refused (no focus, no permission); the command stays selectable.
    }
  };
  return (
    <div className="command-preview" role="group" aria-label={label ?? t('common.dockerCommand')}>
      <span className="command-preview__label">{label ?? t('common.dockerCommand')}</span>
      <code className="command-preview__code">{command}</code>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        {copied ? t('common.copied') : t('common.copy')}
      </button>
    </div>
  );
}
