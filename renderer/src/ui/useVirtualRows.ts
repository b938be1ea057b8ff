import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

/**
 * The scroll box's size before it is measured: .virtual-table's max-height (virtual-table.css), which
 * a list long enough to need windowing fills. Without it the first render draws the overscan rows only,
 * and a second render right after the box is measured draws the rest: two renders, and a forced
 * layout between them, on every view opened (issue 17). A short list measures smaller; the
 * virtualizer then just has fewer rows than it drew room for.
 */
function expectedRect() {
  return { width: globalThis.innerWidth ?? 0, height: Math.max(120, (globalThis.innerHeight ?? 0) - 240) };
}

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
    initialRect: expectedRect(),
    // Rows drawn beyond each edge: enough for a wheel step, few enough that opening a view stays cheap.
    overscan: 5,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return { scrollRef, items, paddingTop, paddingBottom, measure: virtualizer.measureElement };
}
