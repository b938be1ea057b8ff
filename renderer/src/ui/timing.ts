import { useEffect, useRef, useState } from 'react';

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
 * Marks `berth:<list>:rows` once per showing, when the view first has rows to draw (`count` > 0): what
 * bench/ reads as "rows on screen". Later answers that reorder or change rows leave it be. A view kept
 * while hidden (app/KeptView.tsx) has its effects unmounted, and mounted again when shown: it marks
 * again then.
 */
export function useFirstRowsMark(list: 'containers' | 'images' | 'volumes', count: number): void {
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || count === 0) return;
    marked.current = true;
    markTime(`berth:${list}:rows`, count);
  }, [list, count]);
  useEffect(
    () => () => {
      marked.current = false; // hidden (or gone): the next showing is a new one
    },
    [],
  );
}

/**
 * False until the frame that shows the view has been painted, in each showing (a view kept while
 * hidden goes back to false): work that can wait (a second query, a costly column) starts after the
 * rows are on screen instead of before. requestAnimationFrame runs just before the paint, and a task
 * queued from there runs after it.
 */
export function usePaintedSinceShown(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      setPainted(false);
    };
  }, []);
  return painted;
}
