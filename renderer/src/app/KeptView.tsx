import { Activity, Suspense, useState, type ReactElement } from 'react';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import { ViewShowing } from '../ui/view-showing';

/**
 * A section's list that stays drawn while another place is shown (issue 17): opening it again, or
 * for the first time once it was drawn ahead (`prerender`), only reveals rows already in the page
 * instead of drawing a thousand-row table from nothing.
 *
 * Built on React's `<Activity>`: hidden, the view is `display: none` (out of the accessibility tree,
 * so screen readers and role queries find only the view shown) and its effects are unmounted, so a
 * hidden view holds no subscription, stream, timer or key handler, and does not redraw when its data
 * changes; shown again, its effects mount, and a list that changed meanwhile is drawn then. What the
 * person left is kept: the search text, the ticked rows, the scroll box.
 *
 * `view` must be the same element on every render (App keeps them at module level): React then skips
 * drawing a kept view when App draws again.
 */
export function KeptView({ shown, prerender = false, view }: { shown: boolean; prerender?: boolean; view: ReactElement }) {
  // Nothing in the page until first shown or asked to be drawn ahead; kept from then on.
  const [kept, setKept] = useState(shown);
  if (!kept && (shown || prerender)) setKept(true);
  // Each showing counts, so a view that failed draws afresh when it is opened again (as every view
  // did when each place was drawn anew).
  const [showings, setShowings] = useState(shown ? 1 : 0);
  const [wasShown, setWasShown] = useState(shown);
  if (wasShown !== shown) {
    setWasShown(shown);
    if (shown) setShowings(showings + 1);
  }
  if (!kept) return null;
  return (
    <Activity mode={shown ? 'visible' : 'hidden'}>
      <ViewErrorBoundary resetKey={showings}>
        <ViewShowing.Provider value={showings}>
          <Suspense fallback={null}>{view}</Suspense>
        </ViewShowing.Provider>
      </ViewErrorBoundary>
    </Activity>
  );
}
