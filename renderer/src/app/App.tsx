import { useCrashAlertSync } from '../features/alerts/crash-alerts';
import { useEngineSync } from '../rpc/engine-sync';
import { useUiStore } from '../state/ui-store';
import { ContainerDetail } from '../features/container-detail/ContainerDetail';
import { MergedLogsView } from '../features/container-detail/MergedLogsView';
import { ContainersView } from '../features/containers/ContainersView';
import { ImageDetailView } from '../features/images/ImageDetailView';
import { ImagesView } from '../features/images/ImagesView';
import { NetworksView } from '../features/networks/NetworksView';
import { VolumeFilesView } from '../features/volumes/VolumeFilesView';
import { VolumesView } from '../features/volumes/VolumesView';
import { EngineView } from '../features/engine/EngineView';
import { SwarmView } from '../features/swarm/SwarmView';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { EngineBanner } from './EngineBanner';
import { KeyboardLayer } from './keyboard/KeyboardLayer';

export function App() {
  useEngineSync();
  useCrashAlertSync();
  const view = useUiStore((s) => s.view);
  const openContainerId = useUiStore((s) => s.openContainerId);
  const mergedLogIds = useUiStore((s) => s.mergedLogIds);
  const openVolumeName = useUiStore((s) => s.openVolumeName);
  const openImageRef = useUiStore((s) => s.openImageRef);
  return (
    <div className="app">
      <Sidebar />
      <main className="app__main">
        <EngineBanner />
        {view === 'containers' &&
          (mergedLogIds ? <MergedLogsView ids={mergedLogIds} /> : openContainerId ? <ContainerDetail id={openContainerId} /> : <ContainersView />)}
        {view === 'images' && (openImageRef ? <ImageDetailView reference={openImageRef} /> : <ImagesView />)}
        {view === 'volumes' && (openVolumeName ? <VolumeFilesView volume={openVolumeName} /> : <VolumesView />)}
        {view === 'networks' && <NetworksView />}
        {view === 'swarm' && <SwarmView />}
        {view === 'engine' && <EngineView />}
      </main>
      <StatusBar />
      <KeyboardLayer />
    </div>
  );
}
