import { expect, test, type Page } from '@playwright/test';
import { openBerth, pullThroughBerth } from './support/app';
import { docker, fixtureImage } from './support/engine';

const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT || 5055}`;

/**
 * Headless Chromium shows no notification a test could see, so the page's Notification class is
 * wrapped to record what Berth asks for, and the window's visibility is set the way a person
 * leaving it would make it. Berth's own logic decides; the recorder only listens.
 */
async function recordNotifications(page: Page): Promise<void> {
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

const shown = (page: Page) => page.evaluate(() => (window as unknown as { berthShown: { title: string; body: string }[] }).berthShown);

test('a pull that finishes while Berth is away says so in a notification; one watched on screen does not', async ({ page, context }) => {
  const reference = `${registry}/e2e/notify:1`;
  await docker('tag', fixtureImage, reference);
  await docker('push', reference);
  await context.grantPermissions(['notifications']);
  await recordNotifications(page);
  await openBerth(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();

  // Watched: no notification.
  await docker('rmi', reference);
  await pullThroughBerth(page, reference);
  expect(await shown(page)).toEqual([]);

  // The person switches away while it pulls.
  await docker('rmi', reference);
  await page.evaluate(() => ((window as unknown as { berthAway: { value: boolean } }).berthAway.value = true));
  await pullThroughBerth(page, reference);
  expect(await shown(page)).toEqual([{ title: 'Pull finished', body: reference }]);
  await docker('rmi', reference);
});
