import type { SocialMessageMedia, SocialMessageView } from '@vigie/common';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../shared/components/notice';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { useDeskPermissions } from '../../permissions';
import { useMakeTip } from '../hooks/use-social-archive';

/** The id a message holds while its tip is being made (the API's claim); no tip has it. */
const TIP_PENDING = '00000000-0000-0000-0000-000000000000';

/** One archived message: when, where, who, what, its link and files, and the tip it is or can become. */
export function ArchiveMessage({
  message,
  onTipMade,
}: {
  message: SocialMessageView;
  onTipMade: (text: string) => void;
}) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const id = useId();
  const network = t(`desk.reach.network.${message.network}`);
  const kind = t(`desk.reach.archive.kind.${message.kind}`);

  return (
    <li className="reach-message">
      <article aria-labelledby={`${id}-author`}>
        <p className="reach-message__meta">
          <span
            className={
              message.direction === 'SENT'
                ? 'state-badge reach-badge--down'
                : 'state-badge reach-badge--waiting'
            }
          >
            {t(`desk.reach.archive.direction.${message.direction}`, { kind })}
          </span>{' '}
          <span>{t('desk.reach.archive.on', { network, account: message.account })}</span>{' '}
          <time dateTime={message.at}>{formatDate(message.at, lang, true)}</time>
        </p>
        <h3 id={`${id}-author`} className="reach-message__author reach-break">
          {message.authorHandle}
        </h3>
        <p className="reach-message__text">{message.text || t('desk.reach.archive.noText')}</p>
        {message.media.length > 0 && (
          <ul className="reach-message__media" aria-label={t('desk.reach.archive.mediaLabel')}>
            {message.media.map((media, index) => (
              <li key={index}>
                <MediaState media={media} />
              </li>
            ))}
          </ul>
        )}
        <p className="reach-message__links">
          {message.url && (
            <a href={message.url} target="_blank" rel="noopener noreferrer">
              {t('desk.reach.archive.open', { network })}{' '}
              <span className="visually-hidden">{t('desk.reach.archive.newTab')}</span>
            </a>
          )}
          {message.appealId && (
            <Link to={`/desk/appeals/${message.appealId}`}>{t('desk.reach.archive.appeal')}</Link>
          )}
        </p>
        <TipState message={message} onTipMade={onTipMade} />
      </article>
    </li>
  );
}

function MediaState({ media }: { media: SocialMessageMedia }) {
  const { t } = useTranslation();
  if (media.state === 'SEALED')
    return (
      <>
        {t('desk.reach.archive.mediaSealed', {
          type: media.mime,
          size: Math.max(1, Math.round(media.size / 1024)),
        })}
      </>
    );
  return (
    <span className="reach-message__refused">
      {t('desk.reach.archive.mediaRefused', { reason: media.reason })}
    </span>
  );
}

/** The tip the message became (a link for those who read tips), or the button that makes it one. */
function TipState({ message, onTipMade }: { message: SocialMessageView; onTipMade: (text: string) => void }) {
  const { t } = useTranslation();
  const can = useDeskPermissions();
  const makeTip = useMakeTip();
  const [code, setCode] = useState<string | null>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  // The button gives way to the link: the focus follows, so a keyboard user is not left nowhere.
  useEffect(() => {
    if (code) linkRef.current?.focus();
  }, [code]);

  if (message.tipId === TIP_PENDING)
    return <p className="reach-message__tip">{t('desk.reach.archive.tipPending')}</p>;
  if (message.tipId)
    return (
      <p className="reach-message__tip">
        {code ? t('desk.reach.archive.tipMadeNow', { code }) : t('desk.reach.archive.tipMade')}{' '}
        {can.readTips && (
          <Link ref={linkRef} to={`/desk/tips/${message.tipId}`}>
            {t('desk.reach.archive.openTip')}
          </Link>
        )}
      </p>
    );
  if (message.direction !== 'RECEIVED' || !can.tipFromSocial) return null;
  return (
    <div className="reach-message__tip">
      {makeTip.error ? (
        <Notice tone="error">
          <p>{deskErrorMessage(t, makeTip.error)}</p>
        </Notice>
      ) : null}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={makeTip.isPending}
        onClick={() =>
          makeTip.mutate(message.id, {
            onSuccess: (tip) => {
              setCode(tip.code);
              onTipMade(
                t('desk.reach.archive.tipAnnounced', { code: tip.code, author: message.authorHandle }),
              );
            },
          })
        }
      >
        {makeTip.isPending ? t('desk.reach.archive.makingTip') : t('desk.reach.archive.makeTip')}{' '}
        <span className="visually-hidden">
          {t('desk.reach.archive.makeTipWhich', { author: message.authorHandle })}
        </span>
      </button>
    </div>
  );
}
