/**
 * Tells the person a long operation (a pull, a build, an engine start) finished when they are not
 * looking at Berth. The same Web Notification API serves both shells: Electron shows it as a
 * system notification (its session allows this one permission to Berth's own page only).
 */

/** Call from the click that starts a long operation: browsers ask for permission only on a gesture. */
export function mayNotifyLater(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

/** Shows a notification only when Berth's window is hidden or in the background. Text only. */
export function notifyIfAway(title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  try {
    new Notification(title, { body, tag: title });
  } catch {
    // Some platforms refuse notifications from a page; the result is on screen either way.
  }
}

/**
 * Shows a notification whether or not Berth is in front (a crash matters either way); `tag` makes a
 * newer one about the same thing replace the older; clicking it brings Berth forward and runs `onOpen`.
 */
export function notifyNow(title: string, body: string, tag: string, onOpen: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      onOpen();
      notification.close();
    };
  } catch {
    // Some platforms refuse notifications from a page; the mark in the list still says it.
  }
}
