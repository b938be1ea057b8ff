import { useTranslation } from 'react-i18next';
import type { TransferProgress } from '../../../engine/contract/transfer';
import { ErrorNotice } from './ErrorNotice';
import { formatBytes } from './format';

/**
 * A transfer as a person follows it: a bar and the bytes moved (of the total, when known) while it
 * runs; then the size it ended with, or what went wrong.
 */
export function TransferStatus({
  progress,
  label,
  runningText,
  doneText,
}: {
  progress: TransferProgress | undefined;
  /** Names the bar, e.g. "Export progress". */
  label: string;
  /** What is happening, before the bytes, e.g. "Exporting…". */
  runningText: string;
  doneText: (size: string) => string;
}) {
  const { t, i18n } = useTranslation();
  if (!progress) return null;
  if (progress.state === 'failed' && progress.error) return <ErrorNotice error={progress.error} />;
  const bytes = formatBytes(progress.bytes, i18n.language);
  const done = progress.state === 'done';
  const total = progress.total;
  // Sizes are measured before the bytes move, so files that grow meanwhile could pass 100 %.
  const percent = total ? Math.min(100, Math.floor((progress.bytes / total) * 100)) : undefined;
  return (
    <div className="transfer-status">
      {done ? (
        <progress aria-label={label} max={Math.max(progress.bytes, 1)} value={Math.max(progress.bytes, 1)} />
      ) : total ? (
        <progress aria-label={label} max={total} value={Math.min(progress.bytes, total)} />
      ) : (
        <progress aria-label={label} />
      )}
      <p className={done ? 'notice notice--ok' : 'cell--muted'} role="status">
        {done
          ? doneText(bytes)
          : `${runningText} ${percent !== undefined ? t('transfer.ofTotal', { bytes, total: formatBytes(total ?? 0, i18n.language), percent }) : t('transfer.soFar', { bytes })}`}
      </p>
    </div>
  );
}
