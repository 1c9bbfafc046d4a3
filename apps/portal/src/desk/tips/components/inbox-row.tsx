import { pickLocale, type StaffRef, type TipSummary } from '@vigie/common';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { ForwardedBadge } from '../../forwarding/components/forwarded-badge';
import { ChannelBadge, PriorityBadge, TipStatusBadge } from './tip-badges';

/**
 * One tip in the inbox: a dense, fixed-height line (the list is virtualised on that height), its
 * code the link that opens it (in the right pane on a desktop), a checkbox for bulk actions.
 */
export function InboxRow({
  tip,
  href,
  linkState,
  active,
  selected,
  me,
  position,
  setSize,
  style,
  onToggle,
  onFocus,
}: {
  tip: TipSummary;
  href: string;
  linkState?: unknown;
  active: boolean;
  selected: boolean;
  me?: StaffRef['id'];
  position: number;
  setSize: number;
  style: CSSProperties;
  onToggle: (tipId: string, range: boolean) => void;
  onFocus: (tipId: string) => void;
}) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const heldByOther = tip.assignee && tip.assignee.id !== me;
  return (
    <li
      data-tip-id={tip.id}
      aria-setsize={setSize}
      aria-posinset={position}
      style={style}
      className={`inbox-row${active ? ' inbox-row--active' : ''}${selected ? ' inbox-row--selected' : ''}${tip.newFromTipster ? ' inbox-row--news' : ''}`}
      onFocusCapture={() => onFocus(tip.id)}
    >
      <input
        type="checkbox"
        className="inbox-row__select"
        checked={selected}
        onChange={(event) => onToggle(tip.id, (event.nativeEvent as MouseEvent).shiftKey === true)}
        aria-label={t('desk.inbox.select', { code: tip.code })}
      />
      <div className="inbox-row__main">
        <p className="inbox-row__title">
          <PriorityBadge priority={tip.priority} />
          <Link
            className="inbox-row__open"
            to={href}
            state={linkState}
            aria-current={active ? 'true' : undefined}
          >
            {tip.code}
          </Link>
          <TipStatusBadge status={tip.status} />
          {tip.newFromTipster && <span className="inbox-row__news">{t('desk.inbox.newFromTipster')}</span>}
          <ChannelBadge channel={tip.channel} />
          {tip.forwardedFrom && <ForwardedBadge forwardedFrom={tip.forwardedFrom} />}
        </p>
        <p className="inbox-row__excerpt">{tip.excerpt}</p>
        <ul className="inbox-row__meta">
          <li>{formatDate(tip.receivedAt, lang, true)}</li>
          <li className={heldByOther ? 'inbox-row__held' : undefined}>
            {tip.assignee
              ? tip.assignee.id === me
                ? t('desk.inbox.heldByMe')
                : t('desk.inbox.heldBy', { name: tip.assignee.displayName })
              : t('desk.inbox.unassigned')}
          </li>
          {tip.appeal && (
            <li className="inbox-row__appeal" title={pickLocale(tip.appeal.title, lang) || tip.appeal.slug}>
              {t('desk.inbox.appeal', { title: pickLocale(tip.appeal.title, lang) || tip.appeal.slug })}
            </li>
          )}
          {tip.mediaCount > 0 && (
            <li className="inbox-row__icon inbox-row__icon--media">
              {t('desk.inbox.media', { count: tip.mediaCount })}
            </li>
          )}
          {tip.hasLocation && (
            <li className="inbox-row__icon inbox-row__icon--place">{t('desk.inbox.located')}</li>
          )}
          {tip.duplicateCount > 0 && (
            <li className="inbox-row__dupes">{t('desk.inbox.duplicates', { count: tip.duplicateCount })}</li>
          )}
          {tip.tags.map((tag) => (
            <li key={tag} className="inbox-row__tag">
              {tag}
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}
