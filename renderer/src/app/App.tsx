import { useCrashAlertSync } from '../features/alerts/crash-alerts';
import { useEngineStatus, useEngineSync } from '../rpc/engine-sync';
import { useWarmLists } from '../rpc/warm-lists';
import { useUiStore } from '../state/ui-store';
import { useAddressSync } from '../state/address-sync';
import { Fragment, Suspense, useCallback, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ContainersView } from '../features/containers/ContainersView';
import { ContainerDetail, EngineView, ImageDetailView, ImagesView, MergedLogsView, NetworksView, SwarmView, VolumeFilesView, VolumesView, usePreloadViews } from './lazy-views';
import { useContainers } from '../features/containers/useContainers';
import { imagesQuery, volumesQuery } from '../rpc/queries';
import { Sidebar } from './Sidebar';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import { KeptView } from './KeptView';
import { StatusBar } from './StatusBar';
import { EngineBanner } from './EngineBanner';
import { KeyboardLayer } from './keyboard/KeyboardLayer';
import { CommandLogPanel } from '../features/command-log/CommandLogPanel';
import { Welcome } from '../features/welcome/Welcome';

/** The sections' lists, kept drawn while hidden (KeptView): one element each, the same on every render. */
const containersList = <ContainersView />;
const imagesList = <ImagesView />;
const volumesList = <VolumesView />;
const networksList = <NetworksView />;

/**
 * True once the lists kept warm (rpc/warm-lists.ts) have answered for the engine shown: their views
 * are then drawn ahead, hidden, so the first click on Images or Volumes only reveals them. Drawing
 * them before the answer would draw empty views, drawn again in full on that click.
 * Read from the query cache without an observer of its own: an observer that never fetches would make
 * the list count as disabled, and rpc/list-refresh.ts would no longer refetch it while it is closed.
 */
function useWarmListsAnswered(): { images: boolean; volumes: boolean } {
  const queryClient = useQueryClient();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient]);
  const images = useSyncExternalStore(subscribe, () => queryClient.getQueryData(imagesQuery(engineId).queryKey) !== undefined);
  const volumes = useSyncExternalStore(subscribe, () => queryClient.getQueryData(volumesQuery(engineId).queryKey) !== undefined);
  return { images, volumes };
}

/** Keeps the address and the store in step; a component of its own, so an address change redraws nothing else. */
function AddressSync() {
  useAddressSync();
  return null;
}

/**
 * The window's frame. It does not follow the place shown (Places does), so opening a section draws
 * the section and the sidebar's list, not the frame, the status bar and the panels (issue 17).
 */
export function App() {
  useEngineSync();
  useCrashAlertSync();
  const viewsLoaded = usePreloadViews(useContainers().isSuccess);
  useWarmLists(viewsLoaded);
  return (
    <div className="app">
      <AddressSync />
      <Sidebar />
      <main className="app__main">
        <EngineBanner />
        <Welcome />
        <Places viewsLoaded={viewsLoaded} />
      </main>
      <StatusBar />
      <KeyboardLayer />
      <CommandLogPanel />
    </div>
  );
}

/**
 * How often the engine shown was switched for another (not counting the first one named). The kept
 * lists are drawn anew at each switch: what a person left ticked or typed was about the other
 * engine's volumes and images, and a Delete there would remove this one's of the same name.
 */
function useEngineSwitches(): number {
  const engineId = useEngineStatus()?.endpoint.id;
  const [seen, setSeen] = useState({ engineId, switches: 0 });
  if (engineId && engineId !== seen.engineId) setSeen({ engineId, switches: seen.engineId ? seen.switches + 1 : seen.switches });
  return seen.switches;
}

/** What the place shown puts in the main area: the sections' lists, kept while hidden, or a detail, drawn anew. */
function Places({ viewsLoaded }: { viewsLoaded: boolean }) {
  const warm = useWarmListsAnswered();
  const engineSwitches = useEngineSwitches();
  const view = useUiStore((s) => s.view);
  const openContainerId = useUiStore((s) => s.openContainerId);
  const mergedLogIds = useUiStore((s) => s.mergedLogIds);
  const openVolumeName = useUiStore((s) => s.openVolumeName);
  const openImageRef = useUiStore((s) => s.openImageRef);
  const containersShown = view === 'containers' && !mergedLogIds && !openContainerId;
  const imagesShown = view === 'images' && !openImageRef;
  const volumesShown = view === 'volumes' && !openVolumeName;
  const networksShown = view === 'networks';
  const keptShown = containersShown || imagesShown || volumesShown || networksShown;
  return (
    <>
      <Fragment key={engineSwitches}>
        <KeptView shown={containersShown} view={containersList} />
        <KeptView shown={imagesShown} prerender={viewsLoaded && warm.images} view={imagesList} />
        <KeptView shown={volumesShown} prerender={viewsLoaded && warm.volumes} view={volumesList} />
        <KeptView shown={networksShown} view={networksList} />
      </Fragment>
      {!keptShown && (
        // Keyed by the place shown: leaving a failed detail for its list (or anything else) draws afresh.
        <ViewErrorBoundary key={[view, openContainerId, mergedLogIds?.join(','), openImageRef, openVolumeName].join('\u0000')}>
          <Suspense fallback={null}>
            {view === 'containers' && (mergedLogIds ? <MergedLogsView ids={mergedLogIds} /> : openContainerId && <ContainerDetail id={openContainerId} />)}
            {view === 'images' && openImageRef && <ImageDetailView reference={openImageRef} />}
            {view === 'volumes' && openVolumeName && <VolumeFilesView volume={openVolumeName} />}
            {view === 'swarm' && <SwarmView />}
            {view === 'engine' && <EngineView />}
          </Suspense>
        </ViewErrorBoundary>
      )}
    </>
  );
}
