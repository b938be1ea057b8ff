import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../../engine/contract/types';
import type { ContainerAction } from '../../../../engine/contract/schemas';
import { openMergedLogs } from '../../state/ui-store';
import { eligibleFor } from './filter';
import { OpenComposeButton } from '../compose/OpenComposeDialog';

const actions: ContainerAction[] = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill'];

/** Buttons for what can be done to the selection; each is on only when some selected container can take it. */
export function ContainerToolbar({
  selected,
  usable,
  busy,
  onAction,
  onRename,
  onRemove,
}: {
  selected: readonly ContainerSummary[];
  usable: boolean;
  busy: boolean;
  onAction: (action: ContainerAction, targets: ContainerSummary[]) => void;
  onRename: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const off = !usable || busy;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('containers.actions.label')}>
      {actions.map((action) => {
        const targets = eligibleFor(action, selected);
        return (
          <button
            key={action}
            type="button"
            className="button"
            disabled={off || targets.length === 0}
            onClick={() => onAction(action, targets)}
          >
            {t(`containers.actions.${action}`)}
          </button>
        );
      })}
      <button type="button" className="button" disabled={off || selected.length !== 1} onClick={onRename}>
        {t('containers.actions.rename')}
      </button>
      <button type="button" className="button" disabled={selected.length < 2} onClick={() => openMergedLogs(selected.map((c) => c.id))}>
        {t('merged.button')}
      </button>
      <button type="button" className="button button--danger" title="Delete" disabled={off || selected.length === 0} onClick={onRemove}>
        {t('containers.actions.remove')}
      </button>
      <OpenComposeButton />
    </div>
  );
}
