import { useTranslation } from 'react-i18next';
import { openProject } from '../../state/ui-store';
import { useComposeProject } from './useCompose';

/** "Compose project X · service Y" in a container's header: opens the project's detail. */
export function ProjectLink({ containerId, project }: { containerId: string; project: string }) {
  const { t } = useTranslation();
  const { data } = useComposeProject(project);
  const service = data?.services.find((s) => s.containers.some((c) => c.id === containerId))?.name;
  return (
    <button type="button" className="link-button compose-link" onClick={() => openProject(project)}>
      {service ? t('compose.containerLink', { project, service }) : t('compose.containerLinkNoService', { project })}
    </button>
  );
}
