import { describe, expect, it } from 'vitest';
import { placeOf, placeToPath, pathToPlace, type Place, type PlaceState } from './address';

const id = '3f2a9c0d1e4b5a6f7081928374655647382910abcdefabcdefabcdefabcdef12';

// Place ↔ hash path: every kind of place Berth can show, and the path that names it.
const table: [Place, string][] = [
  [{ view: 'containers' }, '/containers'],
  [{ view: 'images' }, '/images'],
  [{ view: 'volumes' }, '/volumes'],
  [{ view: 'networks' }, '/networks'],
  [{ view: 'engine' }, '/engine'],
  [{ view: 'containers', containerId: id, tab: 'logs' }, `/containers/${id}/logs`],
  [{ view: 'containers', containerId: id, tab: 'terminal' }, `/containers/${id}/terminal`],
  [{ view: 'containers', containerId: id, tab: 'files' }, `/containers/${id}/files`],
  [{ view: 'containers', containerId: id, tab: 'inspect' }, `/containers/${id}/inspect`],
  [{ view: 'containers', containerId: id, tab: 'stats' }, `/containers/${id}/stats`],
  [{ view: 'containers', mergedLogIds: ['a1', 'b2'] }, '/logs/a1,b2'],
  [{ view: 'containers', projectName: 'shop' }, '/compose/shop'],
  [{ view: 'images', imageRef: 'nginx:1.27' }, '/images/nginx%3A1.27'],
  [{ view: 'images', imageRef: '127.0.0.1:5000/team/app@sha256:abc' }, '/images/127.0.0.1%3A5000%2Fteam%2Fapp%40sha256%3Aabc'],
  [{ view: 'images', imageRef: 'sha256:0123' }, '/images/sha256%3A0123'],
  [{ view: 'volumes', volumeName: 'db data#1' }, '/volumes/db%20data%231'],
];

describe('address ↔ place', () => {
  it.each(table)('%j is %s, and back', (place, path) => {
    expect(placeToPath(place)).toBe(path);
    expect(pathToPlace(path)).toEqual(place);
    expect(pathToPlace(`#${path}`)).toEqual(place);
  });

  it('reads a container without a tab as its logs', () => {
    expect(pathToPlace(`#/containers/${id}`)).toEqual({ view: 'containers', containerId: id, tab: 'logs' });
  });

  it.each(['', '#', '#/', '#token=abc', '/nowhere', '/containers/x/shell', '/images/a/b', '/volumes/%E0%A4%A', '/logs/', '/logs/a,,b', '/compose/', '/networks/n1', '/containers/x/logs/more'])(
    'names no place: %j',
    (path) => expect(pathToPlace(path)).toBeUndefined(),
  );

  it('reads the place from the store in the order the app renders it', () => {
    const none: PlaceState = { view: 'containers', openContainerId: undefined, detailTab: 'logs', mergedLogIds: undefined, openProjectName: undefined, openImageRef: undefined, openVolumeName: undefined };
    expect(placeOf(none)).toEqual({ view: 'containers' });
    expect(placeOf({ ...none, openContainerId: id, detailTab: 'stats' })).toEqual({ view: 'containers', containerId: id, tab: 'stats' });
    expect(placeOf({ ...none, openContainerId: id, mergedLogIds: ['a'] })).toEqual({ view: 'containers', mergedLogIds: ['a'] });
    // What another section left open does not leak into this one's address.
    expect(placeOf({ ...none, view: 'images', openContainerId: id, openVolumeName: 'v' })).toEqual({ view: 'images' });
    expect(placeOf({ ...none, view: 'volumes', openVolumeName: 'v' })).toEqual({ view: 'volumes', volumeName: 'v' });
  });
});
