import { useVirtualizer, type Rect } from '@tanstack/react-virtual';
import { useRef } from 'react';

/** The last size a list's scroll box measured (any list: they sit alike in the page). */
let lastBox: Rect | undefined;

/**
 * Above and below a list's scroll box when it fills the window (the view's header, toolbar and
 * command line, the status bar), in English at the default font size: measured 283 px at 1280×800
 * and at 1024×640.
 */
const chromePx = 283;

/**
 * The scroll box's size before it is measured: the last one measured, else the window less the page
 * around the box. A first render sized right draws the rows the box shows; one sized wrong draws
 * again as soon as the box is measured, before the first paint (a view drawn ahead while hidden, and
 * revealed by a click, is measured only then: issue 17). A wrong guess costs that second render only.
 */
function expectedBox(): Rect {
  return lastBox ?? { width: globalThis.innerWidth ?? 0, height: Math.max(120, (globalThis.innerHeight ?? 0) - chromePx) };
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
    initialRect: expectedBox(),
    onChange: (instance) => {
      if (instance.scrollRect && instance.scrollRect.height > 0) lastBox = instance.scrollRect;
    },
    // Rows drawn beyond each edge: enough for a wheel step, few enough that opening a view stays cheap.
    overscan: 5,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return { scrollRef, items, paddingTop, paddingBottom, measure: virtualizer.measureElement };
}
