import { useTranslation } from 'react-i18next';
import type { ComposeTool } from '../../../../engine/contract/compose-cli';

/** Which Compose Berth will use, or that none is installed and the command that installs one. */
export function ComposeToolLine({ tool }: { tool: ComposeTool | undefined }) {
  const { t } = useTranslation();
  if (!tool) return <span className="cell--muted">{t('compose.toolLooking')}</span>;
  if (tool.found) return <span>{tool.flavor === 'plugin' ? t('compose.toolPlugin', { version: tool.version }) : t('compose.toolStandalone', { version: tool.version })}</span>;
  return (
    <span role="status">
      {t('compose.toolMissing')} {t('compose.toolInstall', { command: tool.installCommand })}
    </span>
  );
}
