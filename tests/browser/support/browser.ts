import AxeBuilder from '@axe-core/playwright';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';

/** Where a failing journey leaves its screenshot and console log (named in README.md). */
export const ARTIFACTS = join(__dirname, '../../artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'fr-CA',
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-CA' };

/**
 * Runs one journey step with a page whose console is recorded. On failure it saves a screenshot
 * and the console log under tests/artifacts/<name>.*, then fails the test with the original error.
 */
export async function withPage(
  browser: Browser,
  name: string,
  options: BrowserContextOptions,
  journey: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  try {
    await journey(page, context);
  } catch (err) {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = name.replace(/[^a-z0-9-]+/gi, '-');
    await page.screenshot({ path: join(ARTIFACTS, `${file}.png`), fullPage: true }).catch(() => undefined);
    await writeFile(join(ARTIFACTS, `${file}.console.log`), consoleLines.join('\n'));
    throw err;
  } finally {
    await context.close();
  }
  const violations = consoleLines.filter((l) => /Content Security Policy|\[pageerror\]/.test(l));
  if (violations.length) throw new Error(`Console errors in ${name}:\n${violations.join('\n')}`);
}

/** Saves what the page shows as tests/artifacts/<name>.png for a person to look at: the whole page unless told. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  const path = join(ARTIFACTS, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage });
}

/** axe on the current page: no serious or critical accessibility violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

/** Keyboard only: moves a focused <select> with the arrow keys until it shows `label`. */
export async function chooseWithKeys(page: Page, label: RegExp) {
  for (let i = 0; i < 20; i++) {
    const text = await page.evaluate(() => {
      const select = document.activeElement as HTMLSelectElement | null;
      return select?.selectedOptions?.[0]?.textContent ?? '';
    });
    if (label.test(text)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option ${label} in the focused list`);
}
