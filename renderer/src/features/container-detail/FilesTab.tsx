import { useQuery } from '@tanstack/react-query';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { FileBrowser } from '../../ui/FileBrowser';

/** The container's own file system (running or stopped), with its mount points marked. */
export function FilesTab({ id, name }: { id: string; name: string }) {
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const { data } = useQuery({
    queryKey: [engineId, 'containers', 'inspect', id],
    queryFn: () => berth.containers.inspect.query({ id }),
    enabled: Boolean(engineId),
  });
  const mounts = ((data?.Mounts as { Destination?: string }[] | undefined) ?? []).map((m) => m.Destination ?? '').filter(Boolean);
  return <FileBrowser source={{ kind: 'container', id, name, mounts }} />;
}
