import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { projectCommand, projectRemoveCommand } from '../../../../engine/contract/cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import type { ProjectAction } from '../../../../engine/contract/schemas';
import type { ContainerSummary } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { useEngineStatus } from '../../rpc/engine-sync';
import { queryKeys } from '../../rpc/queries';
import { openProjectLogs } from '../../state/ui-store';
import type { ProjectGroup } from './grouping';
import type { ProjectRequest } from './ProjectRow';
import { ProjectRemoveDialog } from './ProjectRemoveDialog';

/** What went wrong, per named thing, in the shape the containers view already reports bulk failures in. */
export type ProjectFailures = { total: number; items: { name: string; error: BerthErrorShape }[] } | undefined;

/**
 * The project row's actions for the containers view: Engine API calls by project label (each
 * showing its `docker compose -p NAME …` command), the remove dialog, and the project's logs.
 */
export function useProjectActions({
  all,
  onCommand,
  onFailures,
}: {
  all: readonly ContainerSummary[];
  onCommand: (command: string) => void;
  onFailures: (failures: ProjectFailures) => void;
}) {
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id;
  const [removing, setRemoving] = useState<ProjectGroup | undefined>();
  const refresh = (...resources: ('containers' | 'volumes' | 'networks')[]) => {
    if (!engineId) return;
    for (const resource of resources) void queryClient.invalidateQueries({ queryKey: queryKeys.resource(engineId, resource) });
  };
  const failed = (items: NonNullable<ProjectFailures>['items'], total: number) => onFailures(items.length ? { total, items } : undefined);

  const act = useMutation({
    mutationFn: ({ project, action }: { project: string; action: ProjectAction }) => berth.projects.act.mutate({ project, action }),
    onMutate: ({ project, action }) => {
      onFailures(undefined);
      onCommand(projectCommand(project, action));
    },
    onSuccess: (outcomes) => {
      const names = new Map(all.map((c) => [c.id, c.name]));
      failed(
        outcomes.filter((o) => !o.ok && o.error).map((o) => ({ name: names.get(o.id) ?? o.id.slice(0, 12), error: o.error! })),
        outcomes.length,
      );
    },
    onError: (e) => onFailures({ total: 1, items: [{ name: '', error: toBerthError(e) }] }),
    onSettled: () => refresh('containers'),
  });

  const remove = useMutation({
    mutationFn: ({ project, volumes, networks }: { project: string; volumes: string[]; networks: string[] }) =>
      berth.projects.remove.mutate({ project, volumes, networks }),
    onMutate: ({ project, volumes, networks }) => {
      onFailures(undefined);
      onCommand(projectRemoveCommand(project, { volumes, networks }));
    },
    onSuccess: (outcomes) => failed(outcomes.filter((o) => !o.ok && o.error).map((o) => ({ name: o.name, error: o.error! })), outcomes.length),
    onError: (e) => onFailures({ total: 1, items: [{ name: '', error: toBerthError(e) }] }),
    onSettled: () => refresh('containers', 'volumes', 'networks'),
  });

  const request = (group: ProjectGroup, what: ProjectRequest) => {
    if (what === 'logs') openProjectLogs(group.name, group.containers.map((c) => c.id));
    else if (what === 'remove') setRemoving(group);
    else act.mutate({ project: group.name, action: what });
  };

  const dialog = removing && (
    <ProjectRemoveDialog
      group={removing}
      onClose={() => setRemoving(undefined)}
      onConfirm={(choice) => {
        setRemoving(undefined);
        remove.mutate({ project: removing.name, ...choice });
      }}
    />
  );

  return { request, busy: act.isPending || remove.isPending, dialog };
}
