import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { projectLogsCommand } from '../../../../engine/contract/cli';
import { useUiStore } from '../../state/ui-store';
import { useContainers } from '../containers/useContainers';
import { replicaCounts, serviceLabel } from './grouping';
import './compose-projects.css';

export interface ProjectLogs {
  title: string;
  /** The containers whose lines are shown: those of the services ticked. */
  ids: readonly string[];
  /** Each line's prefix: its service (with the replica number when the service has several). */
  labelOf: (id: string, name: string) => string;
  command: string;
  /** The per-service filter. */
  controls: ReactNode;
  noneShown: boolean;
}

/**
 * When the merged logs are a Compose project's (`openProjectLogs`): names its lines by service and
 * lets the person tick services on and off. Undefined for merged logs of a hand-picked selection.
 */
export function useProjectLogs(ids: readonly string[], tail: number): ProjectLogs | undefined {
  const { t } = useTranslation();
  const project = useUiStore((s) => s.mergedLogsProject);
  const { data: all } = useContainers();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const members = useMemo(() => {
    const byId = new Map((all ?? []).map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
  }, [ids, all]);
  const labels = useMemo(() => {
    const counts = replicaCounts(members);
    return new Map(members.map((c) => [c.id, serviceLabel(c, counts.get(c.compose?.service ?? '') ?? 1)]));
  }, [members]);
  const services = [...new Set(members.map((c) => c.compose?.service ?? c.name))].sort();
  // Until the list is known, every container (it is normally cached: the logs open from it). The ids
  // keep their identity while the same ones are shown, so a list refresh does not restart the stream.
  const shownKey = (members.length ? members.filter((c) => !hidden.has(c.compose?.service ?? c.name)).map((c) => c.id) : ids).join(',');
  const shownIds = useMemo(() => (shownKey ? shownKey.split(',') : []), [shownKey]);

  if (!project) return undefined;
  const toggle = (service: string) =>
    setHidden((before) => {
      const next = new Set(before);
      if (next.has(service)) next.delete(service);
      else next.add(service);
      return next;
    });
  return {
    title: t('projectList.logs.title', { name: project }),
    ids: shownIds,
    labelOf: (id, name) => labels.get(id) ?? name,
    command: projectLogsCommand(project, tail, hidden.size ? services.filter((s) => !hidden.has(s)) : []),
    noneShown: shownIds.length === 0 && members.length > 0,
    controls: (
      <fieldset className="project-logs__services">
        <legend>{t('projectList.logs.services')}</legend>
        {services.map((service) => (
          <label key={service} className="checkbox-field">
            <input type="checkbox" checked={!hidden.has(service)} onChange={() => toggle(service)} />
            <span>{service}</span>
          </label>
        ))}
      </fieldset>
    ),
  };
}
