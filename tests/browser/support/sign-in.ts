import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../support/constants';

export interface SignInOptions {
  /** The seeded demo password unless given. */
  password?: string;
  /** Opens /login?lang=…; without it the page speaks the browser's language. */
  lang?: 'fr' | 'en';
  /** Waits until the desk opens (the default); false where the sign-in is meant to stop short. */
  waitForDesk?: boolean;
}

/** Signs a staff member in through the desk's sign-in page, in French or English, as a person would. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  { password = DEMO_PASSWORD, lang, waitForDesk = true }: SignInOptions = {},
): Promise<void> {
  await page.goto(`${baseUrl}/login${lang ? `?lang=${lang}` : ''}`);
  await page.getByLabel(/e-?mail|courriel/i).fill(email);
  await page.getByLabel(/^(password|mot de passe)/i).fill(password);
  await page.getByRole('button', { name: /sign in|se connecter|connexion/i }).click();
  if (waitForDesk) await page.waitForURL(/\/desk/);
}
