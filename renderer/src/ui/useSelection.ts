import { useCallback, useState } from 'react';

/**
 * Which rows of a list are ticked: a set of keys with a toggle. `toggle` is the same function on
 * every render, so rows drawn once (memo) are not drawn again for it.
 */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((key: string) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  return { selected, toggle, setSelected };
}

/**
 * A selection seen through a filter. Ticks on rows the search or filter hides are kept (clearing the
 * filter brings them back ticked), but actions take only `shown`, the ticked rows a person can see;
 * `hidden` counts the others so the toolbar can say so.
 */
export function visibleSelection<T>(rows: readonly T[], keyOf: (row: T) => string, selected: ReadonlySet<string>): { shown: T[]; hidden: number } {
  const shown = rows.filter((row) => selected.has(keyOf(row)));
  return { shown, hidden: Math.max(0, selected.size - shown.length) };
}

/** Ticks every shown row (or unticks them all when all are ticked), leaving hidden ticks as they are. */
export function toggleAllShown(shownKeys: readonly string[], selected: ReadonlySet<string>): Set<string> {
  const next = new Set(selected);
  const all = shownKeys.length > 0 && shownKeys.every((key) => next.has(key));
  for (const key of shownKeys) {
    if (all) next.delete(key);
    else next.add(key);
  }
  return next;
}
