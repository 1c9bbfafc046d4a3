import { pickLocale, type StaffRef, type TipSummary } from '@vigie/common';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { ForwardedBadge } from '../../forwarding/components/forwarded-badge';
import { groupLabel } from './group-reason';
import type { InboxLine } from './inbox-lines';
import { ChannelBadge, PriorityBadge, TipStatusBadge } from './tip-badges';

/**
 * One tip in the inbox: a dense, fixed-height line (the list is virtualised on that height), its
 * code the link that opens it (in the right pane on a desktop), a checkbox for bulk actions. A
 * group's line (its primary tip) carries the group's count and strongest reason, and the button that
 * shows or hides its other tips; those follow it indented, each marked merged or likely.
 * Memoised: moving the highlight with `j` redraws the two rows that changed, not the screenful
 * (each row formats a date and a handful of texts; redrawing them all cost a frame on every move).
 */
export const InboxRow = memo(function InboxRow({
  line,
  href,
  linkState,
  active,
  selected,
  me,
  position,
  setSize,
  top,
  height,
  onToggle,
  onFocus,
  onToggleGroup,
}: {
  line: InboxLine;
  href: string;
  linkState?: unknown;
  active: boolean;
  selected: boolean;
  me?: StaffRef['id'];
  position: number;
  setSize: number;
  /** Where the row sits in the virtualised list, and its fixed height (px). */
  top: number;
  height: number;
  onToggle: (tipId: string, range: boolean) => void;
  onFocus: (tipId: string) => void;
  onToggleGroup: (groupId: string) => void;
}) {
  const { t } = useTranslation();
  const tip: TipSummary = line.tip;
  const merged = line.kind === 'member' ? line.tip.clusterId !== null : false;
  const lang = usePortalLanguage();
  const heldByOther = tip.assignee && tip.assignee.id !== me;
  return (
    <li
      data-tip-id={tip.id}
      aria-setsize={setSize}
      aria-posinset={position}
      style={{ transform: `translateY(${top}px)`, height }}
      data-group-id={line.kind === 'tip' ? undefined : line.group.id}
      className={`inbox-row inbox-row--${line.kind}${active ? ' inbox-row--active' : ''}${selected ? ' inbox-row--selected' : ''}${tip.newFromTipster ? ' inbox-row--news' : ''}`}
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
        {/* The group's count and reason, or a member's mark, lead the second line: it fits on a phone. */}
        <p className="inbox-row__excerpt">
          {line.kind === 'group' && (
            <button
              type="button"
              className="inbox-row__group"
              aria-expanded={line.expanded}
              onClick={() => onToggleGroup(line.group.id)}
            >
              <span aria-hidden="true">{line.expanded ? '▾' : '▸'}</span> {groupLabel(t, line.group)}
            </button>
          )}
          {line.kind === 'member' && (
            <span className={`inbox-row__member${merged ? ' inbox-row__member--merged' : ''}`}>
              {t(merged ? 'desk.groups.merged' : 'desk.groups.likely')}
            </span>
          )}
          {tip.excerpt}
        </p>
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
          {line.kind === 'tip' && tip.duplicateCount > 0 && (
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
});
