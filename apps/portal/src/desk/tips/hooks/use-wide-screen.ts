import { useSyncExternalStore } from 'react';

/** A desk wide enough (≥ 1280 px) for the inbox and the open tip side by side. */
const WIDE = '(min-width: 80rem)';

const subscribe = (onChange: () => void) => {
  if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const wide = () => typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(WIDE).matches;

export const useWideScreen = (): boolean => useSyncExternalStore(subscribe, wide, () => false);
