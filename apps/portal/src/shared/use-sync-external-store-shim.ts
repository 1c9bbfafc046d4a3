// react-i18next imports `use-sync-external-store/shim`, a polyfill for React < 18. React 19 has the hook
// itself; vite.config.ts points the import here, which spares every page the polyfill.
export { useSyncExternalStore } from 'react';
