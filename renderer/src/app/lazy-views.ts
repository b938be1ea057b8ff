import { lazy } from 'react';

/**
 * Views other than the containers list load on first use (issue 17): the first screen's bundle
 * carries only what the containers list needs, and the terminal (xterm), the image dialogs and the
 * engine cards arrive when a person opens them. Each is its own chunk in dist/renderer/assets.
 */
export const ContainerDetail = lazy(() => import('../features/container-detail/ContainerDetail').then((m) => ({ default: m.ContainerDetail })));
export const MergedLogsView = lazy(() => import('../features/container-detail/MergedLogsView').then((m) => ({ default: m.MergedLogsView })));
export const ImageDetailView = lazy(() => import('../features/images/ImageDetailView').then((m) => ({ default: m.ImageDetailView })));
export const ImagesView = lazy(() => import('../features/images/ImagesView').then((m) => ({ default: m.ImagesView })));
export const NetworksView = lazy(() => import('../features/networks/NetworksView').then((m) => ({ default: m.NetworksView })));
export const VolumeFilesView = lazy(() => import('../features/volumes/VolumeFilesView').then((m) => ({ default: m.VolumeFilesView })));
export const VolumesView = lazy(() => import('../features/volumes/VolumesView').then((m) => ({ default: m.VolumesView })));
export const EngineView = lazy(() => import('../features/engine/EngineView').then((m) => ({ default: m.EngineView })));
export const SwarmView = lazy(() => import('../features/swarm/SwarmView').then((m) => ({ default: m.SwarmView })));
