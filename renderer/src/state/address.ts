import type { DetailTab, View } from './ui-store';

/**
 * Where a person is in Berth, as far as the address tells: the section and what is open in it.
 * The address is the hash path (`#/containers/<id>/terminal`), so it works in the web host and in
 * the desktop window (file:// or an app protocol) alike.
 */
export type Place =
  | { view: View }
  | { view: 'containers'; containerId: string; tab: DetailTab }
  | { view: 'containers'; mergedLogIds: readonly string[] }
  | { view: 'containers'; projectName: string }
  | { view: 'images'; imageRef: string }
  | { view: 'volumes'; volumeName: string };

export const views = ['containers', 'images', 'volumes', 'networks', 'engine'] as const satisfies readonly View[];
export const detailTabs = ['logs', 'terminal', 'files', 'inspect', 'stats'] as const satisfies readonly DetailTab[];

const segment = (text: string) => encodeURIComponent(text);

/**
 * The hash path of a place, e.g. `/containers/3f2a…/terminal`, `/images/nginx%3A1.27`,
 * `/logs/a1,b2` (merged logs), `/compose/shop` (a Compose project). Names and references are
 * percent-encoded, so a `/` or `:` in them never splits a segment.
 */
export function placeToPath(place: Place): string {
  if ('containerId' in place) return `/containers/${segment(place.containerId)}/${place.tab}`;
  if ('mergedLogIds' in place) return `/logs/${place.mergedLogIds.map(segment).join(',')}`;
  if ('projectName' in place) return `/compose/${segment(place.projectName)}`;
  if ('imageRef' in place) return `/images/${segment(place.imageRef)}`;
  if ('volumeName' in place) return `/volumes/${segment(place.volumeName)}`;
  return `/${place.view}`;
}

function decode(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    return decodeURIComponent(text) || undefined;
  } catch {
    return undefined; // broken percent-encoding: not a place
  }
}

/**
 * The place a hash path names (leading `#` and `/` optional), or undefined when it names none
 * (an empty path, a section Berth does not have, a broken encoding): the caller then keeps
 * where it is and writes its own address.
 */
export function pathToPlace(path: string): Place | undefined {
  const parts = path.replace(/^#?\/?/, '').replace(/[?].*$/, '').split('/');
  const [first, second, third, ...rest] = parts;
  if (rest.length) return undefined;
  if (first === 'logs') {
    const ids = second?.split(',').map(decode);
    return third === undefined && ids?.length && ids.every(Boolean) ? { view: 'containers', mergedLogIds: ids as string[] } : undefined;
  }
  if (first === 'compose') {
    const projectName = decode(second);
    return projectName && third === undefined ? { view: 'containers', projectName } : undefined;
  }
  const view = views.find((v) => v === first);
  if (!view) return undefined;
  if (second === undefined || second === '') return third === undefined ? { view } : undefined;
  const name = decode(second);
  if (!name) return undefined;
  if (view === 'containers') {
    const tab = third === undefined ? 'logs' : detailTabs.find((t) => t === third);
    return tab ? { view, containerId: name, tab } : undefined;
  }
  if (third !== undefined) return undefined;
  if (view === 'images') return { view, imageRef: name };
  if (view === 'volumes') return { view, volumeName: name };
  return undefined;
}

/** What of the UI's state the address holds (a slice of ui-store's state). */
export interface PlaceState {
  view: View;
  openContainerId: string | undefined;
  detailTab: DetailTab;
  mergedLogIds: readonly string[] | undefined;
  openProjectName: string | undefined;
  openImageRef: string | undefined;
  openVolumeName: string | undefined;
}

/** The place the UI shows, read from its state in the order App.tsx chooses what to render. */
export function placeOf(state: PlaceState): Place {
  if (state.view === 'containers') {
    if (state.mergedLogIds) return { view: 'containers', mergedLogIds: state.mergedLogIds };
    if (state.openContainerId) return { view: 'containers', containerId: state.openContainerId, tab: state.detailTab };
    if (state.openProjectName) return { view: 'containers', projectName: state.openProjectName };
  }
  if (state.view === 'images' && state.openImageRef) return { view: 'images', imageRef: state.openImageRef };
  if (state.view === 'volumes' && state.openVolumeName) return { view: 'volumes', volumeName: state.openVolumeName };
  return { view: state.view };
}
