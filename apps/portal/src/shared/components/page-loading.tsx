import { useTranslation } from 'react-i18next';

/**
 * Shown while a lazy page or its first data loads. `fill`: in place of a whole page, as tall as the
 * screen, so that the footer stays below it and does not jump when the page arrives.
 */
export function PageLoading({ label, fill = false }: { label?: string; fill?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={fill ? 'page-loading page-loading--fill' : 'page-loading'} role="status">
      <span className="page-loading__spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
