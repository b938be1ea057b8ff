import { createContext, useContext, useState } from 'react';

/**
 * How many times the section list around a component has been shown (app/KeptView.tsx); 0 outside
 * one. A kept list is hidden, not unmounted, when another place is shown: its effects stop (a
 * dialog's stream is cut) but its state stays.
 */
export const ViewShowing = createContext(0);

/**
 * Whether the list around this component was hidden and shown again since the component was first
 * drawn: what it started then (a dialog, a push) was stopped meanwhile and would show stale state.
 */
export function useHiddenSinceDrawn(): boolean {
  const showing = useContext(ViewShowing);
  const [drawnAt] = useState(showing);
  return showing !== drawnAt;
}
