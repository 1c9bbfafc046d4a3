import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/constants';
import { BuiltApp, startBuiltApp } from '../support/built-app';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, withPage } from './support/browser';

let app: BuiltApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startBuiltApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('the home page lists the published demo appeals, in French on a French phone', async () => {
  await withPage(browser, 'home-phone', PHONE, async (page) => {
    await page.goto(app.baseUrl + '/');
    await page.getByRole('heading', { name: /Disparue : Léa Tremblay/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectAccessible(page);
  });
});

it('a staff member signs in and reaches the desk, then signs out', async () => {
  await withPage(browser, 'sign-in-desktop', DESKTOP, async (page) => {
    await page.goto(app.baseUrl + '/desk');
    await page.waitForURL(/\/login/);
    // The address changes before the sign-in page (loaded on demand) is drawn: axe reads the form.
    await page.getByLabel(/email/i).waitFor();
    await expectAccessible(page);
    await page.getByLabel(/email/i).fill('investigator@demo.test');
    await page.getByLabel(/^password/i).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/desk/);
    await page.getByText('Isa Investigator').first().waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL(/\/login|\/$/);
  });
});
