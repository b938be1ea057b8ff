import { expect, type Locator, type Page } from '@playwright/test';

/** Opens Berth as a person would: the address with its one-time token, then waits for the engine. */
export async function openBerth(page: Page): Promise<void> {
  const token = process.env.BERTH_E2E_TOKEN;
  if (!token) throw new Error('BERTH_E2E_TOKEN is not set (playwright.config.ts sets it).');
  await page.goto(`/?token=${encodeURIComponent(token)}`);
  await expect(page.getByRole('status', { name: 'Engine' })).toContainText('Connected');
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
