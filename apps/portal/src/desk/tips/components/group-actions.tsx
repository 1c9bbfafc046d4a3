import { useTranslation } from 'react-i18next';
import type { DecisionKind } from './duplicate-decision';
import { groupLabel } from './group-reason';
import { KeyHint } from './key-hint';
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
      <button
        type="button"
        className="button button--secondary button--small"
        aria-keyshortcuts="e"
        onClick={onToggle}
      >
        {t(expanded ? 'desk.groups.collapse' : 'desk.groups.expand')}
        <KeyHint shortcut="e" />
      </button>
      <button
        type="button"
        className="button button--primary button--small"
        aria-keyshortcuts="m"
        onClick={() => onDecide('merge')}
      >
        {t(`desk.groups.merge.${scope}`, { count: selected || group.count })}
        <KeyHint shortcut="m" />
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-keyshortcuts="d"
        onClick={() => onDecide('separate')}
      >
        {t(`desk.groups.separate.${scope}`, { count: selected || group.count })}
        <KeyHint shortcut="d" />
      </button>
      {member?.clusterId && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-keyshortcuts="u"
          onClick={() => onDecide('unmerge')}
        >
          {t('desk.groups.unmerge', { code: member.code })}
          <KeyHint shortcut="u" />
        </button>
      )}
    </div>
  );
}
