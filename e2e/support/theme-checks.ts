import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Visible elements whose own background is light (relative luminance above `threshold`), other than
 * the theme's accent: in a dark theme each one is an element some rule still paints with a light
 * colour (a literal colour, or a native control the theme forgot). Marks smaller than 20×20 px are
 * not surfaces and are left out: a status dot in the state's colour, xterm's cursor. Each found one
 * is described as tag.class and colour.
 */
export function lightBackgrounds(page: Page, threshold = 0.4): Promise<string[]> {
  return page.evaluate((threshold) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--accent)';
    document.body.append(probe);
    const accent = getComputedStyle(probe).color;
    probe.remove();
    const channel = (v: number) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body, body *')) {
      const box = element.getBoundingClientRect();
      if (box.width * box.height < 400 || !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const background = getComputedStyle(element).backgroundColor;
      const parts = background.match(/[\d.]+/g)?.map(Number) ?? [];
      const [r = 0, g = 0, b = 0, alpha = 1] = parts;
      if (alpha < 0.5 || background === accent) continue;
      const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      if (luminance > threshold) found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${background}`);
    }
    return found;
  }, threshold);
}

/** axe-core's serious and critical violations on the page as it is now, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`.trim()));
}

/** A screenshot attached to the test's report under `name`, for a person to look at. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The theme drawn now, as <html data-theme> says. */
export async function expectTheme(page: Page, theme: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}
