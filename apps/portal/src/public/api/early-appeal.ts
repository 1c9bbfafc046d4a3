import type { PublicAppeal } from '@vigie/common';
import { fetchPublicAppeal } from './public-appeals.api';

/** Same rule as the tip form's `?appeal=` (tip-destination.ts), kept here so the main bundle stays small. */
const SLUG = /^[a-z0-9-]{3,100}$/;

interface Early {
  slug: string;
  promise: Promise<PublicAppeal>;
  data?: PublicAppeal;
}

let early: Early | null = null;

/** The appeal the address names: `/appeals/<slug>` or `/tips/new?appeal=<slug>`. */
function slugInAddress(): string | null {
  if (typeof window === 'undefined' || !window.location) return null;
  const { pathname, search } = window.location;
  const page = /^\/appeals\/([^/]+)\/?$/.exec(pathname);
  if (page) {
    try {
      return decodeURIComponent(page[1]);
    } catch {
      return null;
    }
  }
  if (/^\/tips\/new\/?$/.test(pathname)) {
    const slug = new URLSearchParams(search).get('appeal');
    return slug && SLUG.test(slug) ? slug : null;
  }
  return null;
}

/**
 * A shared link opens an appeal page (or the tip form about an appeal): ask for the appeal as soon as the
 * main bundle runs, in parallel with React's first render and the tip form's chunk, rather than once the
 * page's component mounts. Its picture, the page's largest paint, can then start loading sooner.
 */
export function startEarlyAppealFetch(): void {
  const slug = slugInAddress();
  if (!slug) return;
  const entry: Early = { slug, promise: fetchPublicAppeal(slug) };
  entry.promise.then(
    (data) => {
      entry.data = data;
    },
    () => undefined, // The page's query takes the promise and shows the error.
  );
  early = entry;
}

/** The early answer for this slug if it is already in (the query's initial data), once. */
export function earlyAppealData(slug: string | undefined): PublicAppeal | undefined {
  if (!early || early.slug !== slug || !early.data) return undefined;
  const { data } = early;
  early = null;
  return data;
}

/** The early request for this slug, once: a refetch or a retry goes to the network again. */
export function takeEarlyAppeal(slug: string | undefined): Promise<PublicAppeal> | undefined {
  if (!early || early.slug !== slug) return undefined;
  const { promise } = early;
  early = null;
  return promise;
}
