import { expect, type Locator, type Page } from '@playwright/test';
import { askLoginAddress } from '../../engine/server/login-channel';
import { testDir } from '../../playwright.config';

/** The web host's private runtime directory (playwright.config.ts sets BERTH_RUNTIME_DIR to it). */
export const webHostRuntimeDir = `${testDir}/berth-run`;

/**
 * A fresh one-time login address, asked of the running web host over its local login socket (as a
 * person would press Enter in its terminal): every journey logs in anew, as each address opens
 * Berth once.
 */
export async function loginAddress(): Promise<string> {
  // The socket appears just after the web host first answers HTTP (which is what Playwright waits for).
  for (let waited = 0; ; waited += 100) {
    try {
      return await askLoginAddress(webHostRuntimeDir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (waited >= 5000 || (code !== 'ENOENT' && code !== 'ECONNREFUSED')) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Narrows the images list to `reference` with its search field, as a person looking for one image
 * among many would: the list is windowed, so a row below the fold (the test engine keeps whatever
 * earlier runs left) is not in the page until it is found.
 */
export async function findImage(page: Page, reference: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search images' });
  await search.fill(reference);
  await expect(search).toHaveValue(reference);
}

/** Opens Berth as a returning person would: a one-time login address, then waits for the engine. */
export async function openBerth(page: Page): Promise<void> {
  // A returning person: the first-run welcome (e2e/welcome.spec.ts) stays out of other journeys.
  await page.addInitScript(() => localStorage.setItem('berth.welcomed', '1'));
  await page.goto(await loginAddress());
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
}

/** Pulls an image through the Images view's Pull dialog, as a person would, and closes the dialog once it is pulled. */
export async function pullThroughBerth(page: Page, reference: string, timeout = 30_000): Promise<void> {
  await page.getByRole('button', { name: 'Pull…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pull an image' });
  await dialog.getByRole('textbox', { name: 'Image' }).fill(reference);
  await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`Pulled ${reference}`, { timeout });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** The containers screen, found by role and name the way a person reads it. */
export class ContainersPage {
  constructor(readonly page: Page) {}

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true }) });
  }

  async select(...names: string[]): Promise<void> {
    for (const name of names) await this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  }

  action(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Container actions' }).getByRole('button', { name, exact: true });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search' }).fill(text);
  }
}
