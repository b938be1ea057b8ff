import type { Page } from '@playwright/test';

/**
 * Headless Chromium shows no notification a test could see, so the page's Notification class is
 * wrapped to record what Berth asks for, and the window's visibility is set the way a person
 * leaving it would make it (`setAway`). Berth's own logic decides; the recorder only listens.
 */
export async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    const away = { value: false };
    Object.assign(window, { berthShown: shown, berthAway: away });
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded });
    Object.defineProperty(document, 'visibilityState', { get: () => (away.value ? 'hidden' : 'visible') });
    document.hasFocus = () => !away.value;
  });
}

/** The notifications Berth has shown so far, oldest first. */
export const shownNotifications = (page: Page) => page.evaluate(() => (window as unknown as { berthShown: { title: string; body: string }[] }).berthShown);

export const setAway = (page: Page, away: boolean) =>
  page.evaluate((value) => ((window as unknown as { berthAway: { value: boolean } }).berthAway.value = value), away);
