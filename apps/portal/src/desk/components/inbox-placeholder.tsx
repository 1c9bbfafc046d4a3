import { useTranslation } from 'react-i18next';
import { Notice } from '../../shared/components/notice';

/** The tip inbox arrives with the tips feature; until then, say plainly that it is empty. */
export function InboxPlaceholder() {
  const { t } = useTranslation();
  return (
    <section className="container page-section" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">{t('desk.inbox.heading')}</h2>
      <Notice tone="info" title={t('desk.inbox.emptyTitle')} live={false}>
        <p>{t('desk.inbox.emptyBody')}</p>
      </Notice>
    </section>
  );
}
