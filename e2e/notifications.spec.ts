import { expect, test } from '@playwright/test';
import { openBerth, pullThroughBerth } from './support/app';
import { docker, fixtureImage } from './support/engine';
import { recordNotifications, setAway, shownNotifications } from './support/notifications';

const registry = `127.0.0.1:${process.env.BERTH_REGISTRY_PORT || 5055}`;



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
  expect(await shownNotifications(page)).toEqual([]);

  // The person switches away while it pulls.
  await docker('rmi', reference);
  await setAway(page, true);
  await pullThroughBerth(page, reference);
  expect(await shownNotifications(page)).toEqual([{ title: 'Pull finished', body: reference }]);
  await docker('rmi', reference);
});
