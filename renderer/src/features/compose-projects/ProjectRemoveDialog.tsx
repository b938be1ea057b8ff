import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectRemoveCommand } from '../../../../engine/contract/cli';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { CommandPreview } from '../../ui/CommandPreview';
import { ConfirmActions, Dialog } from '../../ui/Dialog';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import type { ProjectGroup } from './grouping';

/**
 * Asks before removing a project, naming every container that goes, and offers (unticked) to remove
 * its named volumes and networks too, listing each, and saying which volume another container uses
 * (the engine will refuse that one).
 */
export function ProjectRemoveDialog({
  group,
  onConfirm,
  onClose,
}: {
  group: ProjectGroup;
  onConfirm: (choice: { volumes: string[]; networks: string[] }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id;
  const resources = useQuery({
    queryKey: [engineId ?? '', 'projectResources', group.name],
    queryFn: () => berth.projects.resources.query({ project: group.name }),
    enabled: engineId !== undefined,
    staleTime: 0,
  });
  const [withVolumes, setWithVolumes] = useState(false);
  const [withNetworks, setWithNetworks] = useState(false);
  const volumes = resources.data?.volumes ?? [];
  const networks = resources.data?.networks ?? [];
  const choice = { volumes: withVolumes ? volumes.map((v) => v.name) : [], networks: withNetworks ? networks.map((n) => n.name) : [] };
  return (
    <Dialog title={t('projectList.remove.title', { name: group.name })} onClose={onClose}>
      <p>{t('projectList.remove.containers', { count: group.containers.length })}</p>
      <ul className="dialog__list">
        {group.containers.map((c) => (
          <li key={c.id}>{c.name}</li>
        ))}
      </ul>
      {resources.isPending ? (
        <p className="cell--muted">{t('projectList.remove.looking')}</p>
      ) : volumes.length + networks.length === 0 && !resources.error ? (
        <p className="cell--muted">{t('projectList.remove.none')}</p>
      ) : (
        <>
          {volumes.length > 0 && (
            <>
              <label className="checkbox-field">
                <input type="checkbox" checked={withVolumes} onChange={(e) => setWithVolumes(e.target.checked)} />
                <span>{t('projectList.remove.volumes', { count: volumes.length })}</span>
              </label>
              <ul className="project-remove__group">
                {volumes.map((v) => (
                  <li key={v.name}>
                    {v.name}
                    {v.usedBy.length > 0 && <span className="project-remove__refused"> — {t('projectList.remove.usedBy', { names: v.usedBy.join(', ') })}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {networks.length > 0 && (
            <>
              <label className="checkbox-field">
                <input type="checkbox" checked={withNetworks} onChange={(e) => setWithNetworks(e.target.checked)} />
                <span>{t('projectList.remove.networks', { count: networks.length })}</span>
              </label>
              <ul className="project-remove__group">
                {networks.map((n) => (
                  <li key={n.name}>{n.name}</li>
                ))}
              </ul>
            </>
          )}
          <p className="cell--muted">{t('projectList.remove.kept')}</p>
        </>
      )}
      <QueryErrorNotice error={resources.error} />
      <CommandPreview command={projectRemoveCommand(group.name, choice)} />
      <ConfirmActions cancel={t('common.cancel')} confirm={t('projectList.remove.submit')} onCancel={onClose} onConfirm={() => onConfirm(choice)} />
    </Dialog>
  );
}
