import { expect, type Locator, type Page } from '@playwright/test';

/** Opens Berth as a person would: the address with its one-time token, then waits for the engine. */
export async function openBerth(page: Page): Promise<void> {
  const token = process.env.BERTH_E2E_TOKEN;
  if (!token) throw new Error('BERTH_E2E_TOKEN is not set (playwright.config.ts sets it).');
  await page.goto(`/?token=${encodeURIComponent(token)}`);
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
