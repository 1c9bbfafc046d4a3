import type { SentForward, TipDetail } from '@vigie/common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDeskPermissions } from '../../permissions';
import { useRevokeForward } from '../hooks/use-forwarding';
import { ForwardDialog } from './forward-dialog';
import './forwarding.css';

/**
 * How the tip came from another agency, at the top of its page: who sent it, how, and their note,
 * which is what the receiving investigator should read first.
 */
export function ReceivedForwardCard({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const received = tip.receivedForward;
  if (!received) return null;
  return (
    <section className="tip-card forward-received" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {received.mode === 'TRANSFER'
          ? t('desk.forward.receivedTransfer', { agency: received.from.name })
          : t('desk.forward.receivedCopy', { agency: received.from.name })}
      </h3>
      <p className="tip-muted">{formatDate(received.forwardedAt, lang, true)}</p>
      <p className="forward-dialog__note-label">{t('desk.forward.theirNote')}</p>
      <blockquote className="forward-note">{received.note}</blockquote>
      {tip.informationCopy && <p className="tip-muted">{t('desk.forward.copyExplained')}</p>}
    </section>
  );
}

/**
 * What this agency sent of a tip to other agencies (each forward, opened or not, revocable until
 * then), and the "Forward" action for a supervisor.
 */
export function ForwardSection({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const canForward = useDeskPermissions().forwardTips;
  const [open, setOpen] = useState(false);
  const [sentNotice, setSentNotice] = useState<string | null>(null);
  if (tip.sentForwards.length === 0 && !canForward) return null;

  return (
    <section className="tip-card forward-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('desk.forward.heading')}</h3>
      {tip.sentForwards.length > 0 && (
        <ul className="forward-sent">
          {tip.sentForwards.map((forward) => (
            <SentLine key={forward.id} tipId={tip.id} forward={forward} />
          ))}
        </ul>
      )}
      {canForward && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setOpen(true)}
        >
          {t('desk.forward.action')}
        </button>
      )}
      <div role="status">{sentNotice && <p className="forward-section__done">{sentNotice}</p>}</div>
      {canForward && (
        <ForwardDialog
          tip={tip}
          open={open}
          onClose={() => setOpen(false)}
          onSent={(record) => {
            // A transferred tip is no longer this agency's: its read-only record is what remains.
            if (record.mode === 'TRANSFER') void navigate(`/desk/forwards/${record.id}`);
            else setSentNotice(t('desk.forward.copySent', { agency: record.to.name }));
          }}
        />
      )}
    </section>
  );
}

function SentLine({ tipId, forward }: { tipId: string; forward: SentForward }) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const canForward = useDeskPermissions().forwardTips;
  const revoke = useRevokeForward();
  return (
    <li className="forward-sent__line">
      <p>
        <Link to={`/desk/forwards/${forward.id}`}>
          {forward.mode === 'TRANSFER'
            ? t('desk.forward.sentTransfer', { agency: forward.to.name })
            : t('desk.forward.sentCopy', { agency: forward.to.name })}
        </Link>{' '}
        <span className="tip-muted">{formatDate(forward.forwardedAt, lang, true)}</span>
      </p>
      <p className="tip-muted">
        <ForwardState forward={forward} />
      </p>
      {canForward && forward.revocable && (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate({ tipId, forwardId: forward.id })}
        >
          {t('desk.forward.revoke', { agency: forward.to.name })}
        </button>
      )}
      {revoke.isError && (
        <Notice tone="error">
          <p>{deskErrorMessage(t, revoke.error)}</p>
        </Notice>
      )}
    </li>
  );
}

/** Not yet opened, opened (when), or revoked (when, by whom). */
export function ForwardState({
  forward,
}: {
  forward: Pick<SentForward, 'openedAt' | 'revokedAt' | 'revokedBy'>;
}) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  if (forward.revokedAt)
    return (
      <>
        {t('desk.forward.revokedOn', {
          when: formatDate(forward.revokedAt, lang, true),
          name: forward.revokedBy?.displayName ?? '',
        })}
      </>
    );
  if (forward.openedAt)
    return <>{t('desk.forward.openedOn', { when: formatDate(forward.openedAt, lang, true) })}</>;
  return <>{t('desk.forward.notOpened')}</>;
}
