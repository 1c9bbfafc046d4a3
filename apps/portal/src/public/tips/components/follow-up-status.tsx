import type { FollowUpView } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';

/** Where the tip is (in the coarse terms a tipster is told), and whether a reward can be claimed. */
export function FollowUpStatus({ view }: { view: FollowUpView }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const until = view.reward.reason === 'OPEN' ? formatDate(view.reward.expiresAt, lang) : null;
  return (
    <div className="follow-up-facts">
      <section className="follow-up-card" aria-labelledby="follow-up-status">
        <h2 id="follow-up-status" className="follow-up-card__heading">
          {t('followUp.statusHeading')}
        </h2>
        <p className={`follow-up-status follow-up-status--${view.status.toLowerCase()}`}>
          {t(`followUp.status.${view.status}`)}
        </p>
      </section>
      <section
        className={view.reward.eligible ? 'follow-up-card follow-up-card--reward' : 'follow-up-card'}
        aria-labelledby="follow-up-reward"
      >
        <h2 id="follow-up-reward" className="follow-up-card__heading">
          {t('followUp.reward.heading')}
        </h2>
        <p>{t(`followUp.reward.${view.reward.reason}`)}</p>
        {until && <p>{t('followUp.reward.openUntil', { date: until })}</p>}
        {view.reward.offered && <p className="follow-up-card__note">{t('followUp.reward.howTo')}</p>}
      </section>
    </div>
  );
}
