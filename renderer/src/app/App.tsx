import { useCrashAlertSync } from '../features/alerts/crash-alerts';
import { useEngineSync } from '../rpc/engine-sync';
import { useWarmLists } from '../rpc/warm-lists';
import { useUiStore } from '../state/ui-store';
import { useAddressSync } from '../state/address-sync';
import { Suspense } from 'react';
import { ContainersView } from '../features/containers/ContainersView';
import { ContainerDetail, EngineView, ImageDetailView, ImagesView, MergedLogsView, NetworksView, SwarmView, VolumeFilesView, VolumesView, usePreloadViews } from './lazy-views';
import { useContainers } from '../features/containers/useContainers';
import { Sidebar } from './Sidebar';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import { StatusBar } from './StatusBar';
import { EngineBanner } from './EngineBanner';
import { KeyboardLayer } from './keyboard/KeyboardLayer';
import { CommandLogPanel } from '../features/command-log/CommandLogPanel';
import { Welcome } from '../features/welcome/Welcome';

export function App() {
  useEngineSync();
  useCrashAlertSync();
  useAddressSync();
  useWarmLists(usePreloadViews(useContainers().isSuccess));
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
        <Welcome />
        {/* Keyed by the place shown: leaving a failed detail for its list (or anything else) draws afresh. */}
        <ViewErrorBoundary key={[view, openContainerId, mergedLogIds?.join(','), openImageRef, openVolumeName].join('\u0000')}>
        <Suspense fallback={null}>
          {view === 'containers' &&
            (mergedLogIds ? <MergedLogsView ids={mergedLogIds} /> : openContainerId ? <ContainerDetail id={openContainerId} /> : <ContainersView />)}
          {view === 'images' && (openImageRef ? <ImageDetailView reference={openImageRef} /> : <ImagesView />)}
          {view === 'volumes' && (openVolumeName ? <VolumeFilesView volume={openVolumeName} /> : <VolumesView />)}
          {view === 'networks' && <NetworksView />}
          {view === 'swarm' && <SwarmView />}
          {view === 'engine' && <EngineView />}
        </Suspense>
        </ViewErrorBoundary>
      </main>
      <StatusBar />
      <KeyboardLayer />
      <CommandLogPanel />
    </div>
  );
}
