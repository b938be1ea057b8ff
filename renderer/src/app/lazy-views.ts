import { createElement, lazy, useEffect, useState, type ComponentType, type ReactElement } from 'react';
import { markTime } from '../ui/timing';
import { whenIdle } from '../ui/when-idle';

/** A view whose code loads on first use, or earlier with preload(). */
export interface LazyView<P> {
  (props: P): ReactElement;
  /**
   * Fetches the view's chunk now; resolves once it is here. Rejects when it could not load, and a
   * later call asks again; a view that already failed while showing stays failed (React keeps a
   * lazy component's failure) until the window reloads, which its error boundary offers.
   */
  preload(): Promise<void>;
}

/**
 * A view that loads on first use and renders at once when its chunk is already here. React.lazy
 * alone suspends on a view's first render even then, and React reveals a Suspense boundary's
 * content at most every 300 ms (its fallback throttle): measured, a click on Images asked for the
 * list 310 ms later, of which loading the chunk took 40 (issue 17).
 */
function lazyView<P extends object>(name: string, load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchChunk = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a chunk that failed to arrive (the host restarting) is asked for again next time
        throw error;
      },
    ));
  const Suspending = lazy(() => fetchChunk().then((component) => ({ default: component })));
  function LazyLoadedView(props: P): ReactElement {
    // Chosen once per mount: switching from the suspending form to the loaded one would remount the view and lose its state.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Suspending);
    return createElement(Component, props);
  }
  LazyLoadedView.displayName = name; // React's developer tools and error stacks name the view, not the wrapper
  LazyLoadedView.preload = () => fetchChunk().then(() => undefined);
  return LazyLoadedView;
}

/**
 * Views other than the containers list load on first use (issue 17): the first screen's bundle
 * carries only what the containers list needs, and the terminal (xterm), the image dialogs and the
 * engine cards arrive when a person opens them, or once the first screen is idle (usePreloadViews).
 * Each is its own chunk in dist/renderer/assets.
 */
export const ContainerDetail = lazyView('ContainerDetail', () => import('../features/container-detail/ContainerDetail').then((m) => m.ContainerDetail));
export const MergedLogsView = lazyView('MergedLogsView', () => import('../features/container-detail/MergedLogsView').then((m) => m.MergedLogsView));
export const ImageDetailView = lazyView('ImageDetailView', () => import('../features/images/ImageDetailView').then((m) => m.ImageDetailView));
export const ImagesView = lazyView('ImagesView', () => import('../features/images/ImagesView').then((m) => m.ImagesView));
export const NetworksView = lazyView('NetworksView', () => import('../features/networks/NetworksView').then((m) => m.NetworksView));
export const VolumeFilesView = lazyView('VolumeFilesView', () => import('../features/volumes/VolumeFilesView').then((m) => m.VolumeFilesView));
export const VolumesView = lazyView('VolumesView', () => import('../features/volumes/VolumesView').then((m) => m.VolumesView));
export const EngineView = lazyView('EngineView', () => import('../features/engine/EngineView').then((m) => m.EngineView));
export const SwarmView = lazyView('SwarmView', () => import('../features/swarm/SwarmView').then((m) => m.SwarmView));

const views: readonly LazyView<never>[] = [ContainerDetail, ImagesView, VolumesView, NetworksView, EngineView, ImageDetailView, VolumeFilesView, MergedLogsView, SwarmView];

/** How long after the window opens the views load even when the first screen never settles (no engine answers). */
const preloadLatestMs = 3000;

/**
 * Loads every lazy view's chunk once the first screen is done (`ready`: the containers list answered) and
 * the page is idle, or preloadLatestMs after the window opened, whichever comes first: the first
 * screen still loads only what it needs, and no later click waits on a chunk. True once they have
 * (each loaded or failed): what waits its turn after them (the warm lists) starts then.
 */
export function usePreloadViews(ready: boolean): boolean {
  const [due, setDue] = useState(false);
  const [preloaded, setPreloaded] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDue(true), preloadLatestMs);
    return () => clearTimeout(timer);
  }, []);
  const start = ready || due;
  useEffect(() => {
    if (!start) return;
    const idle = whenIdle(
      () => {
        // One at a time, so the page never parses them all in one long task; a failure is left for the view's own load to show.
        void views
          .reduce<Promise<void>>((previous, view) => previous.then(() => view.preload().catch(() => undefined)), Promise.resolve())
          .then(() => {
            markTime('berth:views:preloaded');
            setPreloaded(true);
          });
      },
      { timeout: 1000 },
    );
    return () => idle.cancel();
  }, [start]);
  return preloaded;
}
