import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { addCatalogue } from '../../../shared/i18n/i18n';
import {
  detectLanguage,
  isPortalLanguage,
  usePortalLanguage,
  type PortalLanguage,
} from '../../../shared/i18n/language';

/**
 * The parts of the catalogue the tip pages bring with them: the form's, what comes once it is filled in
 * (review, sending, receipt, large uploads), and the follow-up's.
 */
export type TipsPart = 'tip' | 'tipSend' | 'followUp';

/**
 * One part in one language at a time (`?lazy=<key>`, see vite.config.ts): the home page carries none of
 * these texts, and a French phone never downloads the English ones unless the tipster switches.
 */
const LOADERS: Record<TipsPart, Record<PortalLanguage, () => Promise<Record<string, unknown>>>> = {
  tip: {
    fr: () => import('../../../locales/fr.json?lazy=tip').then((m) => m.tip),
    en: () => import('../../../locales/en.json?lazy=tip').then((m) => m.tip),
  },
  tipSend: {
    fr: () => import('../../../locales/fr.json?lazy=tipSend').then((m) => m.tipSend),
    en: () => import('../../../locales/en.json?lazy=tipSend').then((m) => m.tipSend),
  },
  followUp: {
    fr: () => import('../../../locales/fr.json?lazy=followUp').then((m) => m.followUp),
    en: () => import('../../../locales/en.json?lazy=followUp').then((m) => m.followUp),
  },
};

const loaded = new Map<string, Promise<void>>();

function loadPart(part: TipsPart, lng: PortalLanguage): Promise<void> {
  const key = `${part}:${lng}`;
  let done = loaded.get(key);
  if (!done) {
    done = LOADERS[part][lng]().then(
      (texts) => {
        const other: PortalLanguage = lng === 'fr' ? 'en' : 'fr';
        addCatalogue({ [lng]: { [part]: texts }, [other]: {} } as Record<
          PortalLanguage,
          Record<string, unknown>
        >);
      },
      (error: unknown) => {
        loaded.delete(key);
        throw error;
      },
    );
    loaded.set(key, done);
  }
  return done;
}

export function loadTipsCatalogue(parts: readonly TipsPart[], lng: PortalLanguage): Promise<void> {
  return Promise.all(parts.map((part) => loadPart(part, lng))).then(() => undefined);
}

export function currentLanguage(): PortalLanguage {
  const lng = (i18next.resolvedLanguage ?? i18next.language ?? '').split('-')[0];
  return isPortalLanguage(lng) ? lng : 'fr';
}

/** A tip page's module, once its texts in the current language are there too. */
export async function withTipsCatalogue<T>(page: Promise<T>, parts: readonly TipsPart[]): Promise<T> {
  const [module] = await Promise.all([page, loadTipsCatalogue(parts, currentLanguage())]);
  return module;
}

/**
 * In a tip page: after a language switch, fetches that language's texts and draws the page again once
 * they are in (meanwhile i18next shows the French fallback).
 */
export function useTipsCatalogue(...parts: TipsPart[]): void {
  const lang = usePortalLanguage();
  const [, setLoaded] = useState(0);
  const key = parts.join('+');
  useEffect(() => {
    let live = true;
    loadTipsCatalogue(key.split('+') as TipsPart[], lang).then(
      () => live && setLoaded((n) => n + 1),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key, lang]);
}

/**
 * Opened straight on the tip form (a shared link, a QR code on a poster): its chunk and its texts are
 * asked for while the main bundle starts, instead of once React's first render reaches the lazy route.
 * The same modules then resolve at once for `React.lazy`.
 */
function startEarly(): void {
  if (typeof window === 'undefined' || !window.location) return;
  if (window.location.pathname.replace(/\/+$/, '') !== '/tips/new') return;
  import('../components/tip-form-page').catch(() => undefined);
  loadTipsCatalogue(['tip'], detectLanguage()).catch(() => undefined);
}

startEarly();
