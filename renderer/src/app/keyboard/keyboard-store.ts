import { create } from 'zustand';

/** A container detail tab the palette asked for ("open logs of db"). */

/** A start or stop the palette asked for, waiting for the person to confirm it. */
export interface PendingAction {
  action: 'start' | 'stop';
  id: string;
  name: string;
}

interface KeyboardState {
  palette: boolean;
  help: boolean;
  /** While set, the Images view shows its Pull dialog with this text (cleared when it closes). */
  requestedPull: string | undefined;
  pendingAction: PendingAction | undefined;
}

/** The palette, the keyboard help and what they ask other views to do; the UI's own state (design: zustand). */
export const useKeyboardStore = create<KeyboardState>()(() => ({
  palette: false,
  help: false,
  requestedPull: undefined,
  pendingAction: undefined,
}));

export const openPalette = () => useKeyboardStore.setState({ palette: true, help: false });
export const closePalette = () => useKeyboardStore.setState({ palette: false });
export const openHelp = () => useKeyboardStore.setState({ help: true, palette: false });
export const closeHelp = () => useKeyboardStore.setState({ help: false });
export const requestPull = (requestedPull: string | undefined) => useKeyboardStore.setState({ requestedPull });
export const askAction = (pendingAction: PendingAction | undefined) => useKeyboardStore.setState({ pendingAction });

const removeListeners = new Set<() => void>();

/** The view that has a selection to remove hears the remove key here; returns the way to stop hearing. */
export function onRemoveKey(listener: () => void): () => void {
  removeListeners.add(listener);
  return () => removeListeners.delete(listener);
}

export function pressRemove(): void {
  for (const listener of removeListeners) listener();
}
