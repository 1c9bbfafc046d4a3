import type { TipDetail } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { revealContact } from '../api/tips.api';
import { useTipsWrite } from '../hooks/use-tips';

/** The contact details the tipster chose to give, revealed on request (audited). */
export function ContactSection({ tip, canTriage }: { tip: TipDetail; canTriage: boolean }) {
  const { t } = useTranslation();
  const reveal = useTipsWrite(() => revealContact(tip.id));
  if (!tip.hasContact) return null;
  return (
    <section className="tip-card" aria-labelledby="tip-contact-heading">
      <h3 id="tip-contact-heading">{t('desk.tip.contact')}</h3>
      {reveal.data ? (
        <dl className="tip-facts">
          {Object.entries(reveal.data)
            .filter(([, value]) => value)
            .map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      ) : (
        <>
          <p className="tip-muted">{t('desk.tip.contactHidden')}</p>
          {canTriage && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={reveal.isPending}
              onClick={() => reveal.mutate(undefined)}
            >
              {t('desk.tip.reveal')}
            </button>
          )}
        </>
      )}
      {reveal.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, reveal.error)}</p>
        </Notice>
      )}
    </section>
  );
}
