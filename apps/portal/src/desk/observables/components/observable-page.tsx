import { ObservableKind } from '@vigie/common';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { PageLoading } from '../../../shared/components/page-loading';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { PriorityBadge, TipStatusBadge } from '../../tips/components/tip-badges';
import { useMentions } from '../hooks/use-observables';
import '../../tips/components/inbox.css';
import '../../tips/components/tip-detail.css';
import './observables.css';

/** `/desk/observables/:kind/:value`: every tip and case of the agency that mentions one plate, number, address… */
export function ObservablePage() {
  const { t } = useTranslation();
  const params = useParams();
  const kind = (params.kind ?? '').toUpperCase() as ObservableKind;
  const value = params.value ?? '';
  const known = Object.values(ObservableKind).includes(kind);
  const label = known ? t(`desk.observables.kind.${kind}`) : '';
  useDocumentTitle(t('desk.observables.pageTitle', { kind: label, value }));
  if (!known)
    return (
      <div className="container page-section">
        <Notice tone="error">
          <p>{t('desk.observables.unknownKind')}</p>
        </Notice>
      </div>
    );
  return <Mentions kind={kind} value={value} label={label} />;
}

function Mentions({ kind, value, label }: { kind: ObservableKind; value: string; label: string }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const mentions = useMentions(kind, value);
  if (mentions.isPending) return <PageLoading label={t('desk.observables.loading')} />;
  return (
    <article className="container page-section desk-page" aria-labelledby="observable-heading">
      <p>
        <Link to="/desk">{t('desk.tip.back')}</Link>
      </p>
      <h2 id="observable-heading">{t('desk.observables.pageTitle', { kind: label, value })}</h2>
      {mentions.isError ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, mentions.error)}</p>
        </Notice>
      ) : (
        <div className="tip-detail__grid">
          <section className="tip-card" aria-labelledby="observable-tips-heading">
            <h3 id="observable-tips-heading">
              {t('desk.observables.tipsHeading', { count: mentions.data.tips.length })}
            </h3>
            <ul className="observable-mentions">
              {mentions.data.tips.map((tip) => (
                <li key={tip.id}>
                  <p className="inbox-row__title">
                    <PriorityBadge priority={tip.priority} />
                    <Link to={`/desk/tips/${tip.id}`} className="inbox-row__open">
                      {tip.code}
                    </Link>
                    <TipStatusBadge status={tip.status} />
                    <span className="tip-muted">{formatDate(tip.receivedAt, lang, true)}</span>
                  </p>
                  <p className="inbox-row__excerpt">{tip.excerpt}</p>
                </li>
              ))}
            </ul>
            {mentions.data.more && (
              <p className="tip-muted">{t('desk.observables.more', { count: mentions.data.limit })}</p>
            )}
          </section>
          <section className="tip-card" aria-labelledby="observable-cases-heading">
            <h3 id="observable-cases-heading">{t('desk.observables.casesHeading')}</h3>
            {mentions.data.cases.length === 0 ? (
              <p className="tip-muted">{t('desk.observables.noCases')}</p>
            ) : (
              <ul>
                {mentions.data.cases.map((one) => (
                  <li key={one.id}>
                    <Link to={`/desk/cases/${one.id}`}>
                      {one.number} — {one.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </article>
  );
}
