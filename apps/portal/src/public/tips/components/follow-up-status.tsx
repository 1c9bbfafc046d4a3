import type { FollowUpView } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../../shared/i18n/format';
import { pickText } from '../../api/appeal-card-view';
import { usePortalLanguage } from '../../../shared/i18n/language';

/** Where the tip is (in the coarse terms a tipster is told), and whether a reward can be claimed. */
export function FollowUpStatus({ view }: { view: FollowUpView }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const until = view.reward.reason === 'OPEN' ? formatDate(view.reward.expiresAt, lang) : null;
  // The reward as it stood when the tip was sent: kept with it, whatever the appeal became since.
  const { amount, currency } = view.reward;
  const terms = pickText(view.reward.terms, lang);
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
        {view.reward.offered && typeof amount === 'number' && currency && (
          <p>
            <strong>{t('followUp.reward.amount', { amount: formatMoney(amount, currency, lang) })}</strong>{' '}
            {t('followUp.reward.keptNote')}
          </p>
        )}
        {view.reward.offered && terms && (
          <p lang={terms.lang !== lang ? terms.lang : undefined}>{terms.text}</p>
        )}
        {until && <p>{t('followUp.reward.openUntil', { date: until })}</p>}
        {view.reward.offered && <p className="follow-up-card__note">{t('followUp.reward.howTo')}</p>}
      </section>
    </div>
  );
}
