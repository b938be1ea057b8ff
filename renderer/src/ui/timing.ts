import { useEffect, useRef } from 'react';

/**
 * A User Timing mark for bench/ to read (`berth:<what>:<moment>`), replacing any earlier one of the
 * same name: a list refetched all day leaves one mark, not one per refetch. Costs nothing when
 * nobody reads the marks.
 */
export function markTime(name: string, detail?: unknown): void {
  performance.clearMarks(name);
  performance.mark(name, detail === undefined ? undefined : { detail });
}

/**
 * Marks `berth:<list>:rows` once per mount, when the view first has rows to draw (`count` > 0): what
 * bench/ reads as "rows on screen". Later answers that reorder or change rows leave it be.
 */
export function useFirstRowsMark(list: 'containers' | 'images' | 'volumes', count: number): void {
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || count === 0) return;
    marked.current = true;
    markTime(`berth:${list}:rows`, count);
  }, [list, count]);
}
