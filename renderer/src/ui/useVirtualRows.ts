import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

/**
 * Windowing for a plain <table> (images, volumes; issue 17): only the rows on screen and a few beside
 * are in the DOM, between two spacer rows that keep the scroll height, so a thousand rows render as
 * fast as thirty. The table stays a real table (roles, headers, keyboard order). Row heights are
 * measured as they render (`measure` as each row's ref, with `data-index`), so rows may differ.
 */
export function useVirtualRows(count: number, estimatePx = 41) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatePx,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return { scrollRef, items, paddingTop, paddingBottom, measure: virtualizer.measureElement };
}
