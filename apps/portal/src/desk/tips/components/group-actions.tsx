import { useTranslation } from 'react-i18next';
import type { DecisionKind } from './duplicate-decision';
import { groupLabel } from './group-reason';
import type { InboxLine } from './inbox-lines';

/**
 * The highlighted tip's group of likely duplicates, with what can be done to it by mouse (the keys
 * do the same: e, m, d, u). Merge and "not duplicates" act on the selection, or on the whole group
 * when nothing is selected; each opens the confirmation first.
 */
export function GroupActions({
  line,
  selected,
  onToggle,
  onDecide,
}: {
  line: Exclude<InboxLine, { kind: 'tip' }>;
  selected: number;
  onToggle: () => void;
  onDecide: (kind: DecisionKind) => void;
}) {
  const { t } = useTranslation();
  const { group } = line;
  const expanded = line.kind === 'member' || line.expanded;
  const member = group.members.find((tip) => tip.id === line.tip.id);
  const scope = selected ? 'selection' : 'group';
  return (
    <div
      className="inbox-group-actions"
      role="group"
      aria-label={t('desk.groups.actions', { group: groupLabel(t, group) })}
    >
      <button type="button" className="button button--secondary button--small" onClick={onToggle}>
        {t(expanded ? 'desk.groups.collapse' : 'desk.groups.expand')}
      </button>
      <button
        type="button"
        className="button button--primary button--small"
        onClick={() => onDecide('merge')}
      >
        {t(`desk.groups.merge.${scope}`, { count: selected || group.count })}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onDecide('separate')}
      >
        {t(`desk.groups.separate.${scope}`, { count: selected || group.count })}
      </button>
      {member?.clusterId && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onDecide('unmerge')}
        >
          {t('desk.groups.unmerge', { code: member.code })}
        </button>
      )}
    </div>
  );
}
