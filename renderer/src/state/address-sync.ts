import { useEffect } from 'react';
import { useHashLocation } from 'wouter/use-hash-location';
import { placeOf, placeToPath, pathToPlace, type Place } from './address';
import { openContainer, openImage, openMergedLogs, openProject, openVolume, setContainerSearch, showView, useUiStore } from './ui-store';

let applying = false;

/**
 * Shows a place through the store's own actions (the store stays the API the rest of the code
 * calls). The actions' in-between states are not navigations of their own, so they push nothing.
 */
export function goTo(place: Place): void {
  applying = true;
  try {
    showView(place.view);
    if ('containerId' in place) openContainer(place.containerId, place.tab);
    else if ('mergedLogIds' in place) openMergedLogs(place.mergedLogIds);
    else if ('projectName' in place) openProject(place.projectName);
    else if ('imageRef' in place) openImage(place.imageRef);
    else if ('volumeName' in place) openVolume(place.volumeName);
  } finally {
    applying = false;
  }
}

const currentPath = () => placeToPath(placeOf(useUiStore.getState()));

/** The containers list's search text, kept in the address's query (`?q=`), as wouter's hash location puts it. */
const searchInAddress = () => new URLSearchParams(location.search).get('q') ?? '';

/** True when a key press belongs to what the person is typing into (a field, an editor, a terminal). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, .xterm') !== null;
}

/** Alt+Left/Right, and Cmd+[ / ] on macOS, go back and forward through Berth's history. */
function onHistoryKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || typing(event.target)) return;
  const back = (event.altKey && event.key === 'ArrowLeft') || (event.metaKey && event.key === '[');
  const forward = (event.altKey && event.key === 'ArrowRight') || (event.metaKey && event.key === ']');
  if (!back && !forward) return;
  event.preventDefault();
  if (back) history.back();
  else history.forward();
}

/**
 * Keeps the address and the store in step, through wouter's hash location: each navigation in the
 * store pushes a history entry; Back, Forward, a reload and a pasted address put the store where
 * the address says. The web host's login token (`#token=…`) is taken out of the address by
 * rpc/door.ts when that module loads, before this runs. Mounted once, by App.
 */
export function useAddressSync(): void {
  const [path, navigate] = useHashLocation();

  // The search text from the address, once at start (it changes in place: no entries of its own).
  useEffect(() => {
    const search = searchInAddress();
    if (search && search !== useUiStore.getState().containerSearch) setContainerSearch(search);
  }, []);

  // Address → store: at start and on every hashchange (Back, Forward, a pasted address, our own navigate).
  useEffect(() => {
    const place = pathToPlace(path);
    if (!place) navigate(currentPath(), { replace: true }); // no address yet, or one naming nothing: write ours
    else if (placeToPath(place) !== currentPath()) goTo(place);
  }, [path, navigate]);

  // Store → address: a new entry per navigation.
  useEffect(
    () =>
      useUiStore.subscribe((state, previous) => {
        if (applying) return;
        if (state.containerSearch !== previous.containerSearch && state.containerSearch !== searchInAddress()) {
          // An in-place change: the same entry, its address updated (an empty query drops `?q=`).
          navigate(`${location.hash.slice(1) || '/'}?${state.containerSearch ? new URLSearchParams({ q: state.containerSearch }).toString() : ''}`, { replace: true });
        }
        const next = placeToPath(placeOf(state));
        if (next === placeToPath(placeOf(previous))) return;
        const shown = pathToPlace(location.hash);
        if (shown && placeToPath(shown) === next) return; // the change came from the address
        navigate(next);
      }),
    [navigate],
  );

  useEffect(() => {
    window.addEventListener('keydown', onHistoryKey);
    return () => window.removeEventListener('keydown', onHistoryKey);
  }, []);
}
