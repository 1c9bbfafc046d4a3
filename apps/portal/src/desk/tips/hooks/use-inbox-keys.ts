import type { TipStatus, TipSummary } from '@vigie/common';
import { useEffect } from 'react';
import type { DecisionKind } from '../components/duplicate-decision';
import { isTypingTarget, SETTABLE_STATUSES } from '../components/inbox-keys';
import type { RowSelection } from './use-row-selection';

interface InboxKeys {
  disabled: boolean;
  tips: TipSummary[];
  active?: TipSummary;
  /** False until the investigator moved or clicked: the first j lands on the first tip. */
  hasActive: boolean;
  statusMode: boolean;
  setStatusMode(on: boolean): void;
  canTriage: boolean;
  moveTo(tipId: string): void;
  open(tip: TipSummary): void;
  claim(tip: TipSummary): void;
  setStatus(tip: TipSummary, status: TipStatus): void;
  nextNew(): void;
  selection: RowSelection;
  focusBulk(): void;
  /** Shows or hides the other tips of the tip's group of likely duplicates. */
  toggleGroup(tip: TipSummary): void;
  /** Merge, "not duplicates" (the selection, or the tip's group), unmerge the tip: confirmed first. */
  decide(kind: DecisionKind): void;
  help(): void;
  focusSearch(): void;
  focusViews(): void;
}

/**
 * The inbox's keys (listed in the shortcuts dialog): j/k move, J/K move and select, x selects,
 * X selects up to here, Escape clears the selection, b goes to the bulk actions, a takes the tip,
 * s then a digit sets its status, n goes to the next new tip, Enter opens, / goes to the search,
 * v to the saved views, ? shows the keys.
 * Likely duplicates: e shows or hides a group's tips, m merges, d says "not duplicates", u unmerges.
 */
export function useInboxKeys(keys: InboxKeys): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (keys.disabled || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target))
        return;
      const { tips, active, selection } = keys;
      const index = active ? tips.indexOf(active) : -1;
      if (keys.statusMode) {
        keys.setStatusMode(false);
        const status = SETTABLE_STATUSES[Number(event.key) - 1];
        if (status && active && keys.canTriage) {
          event.preventDefault();
          keys.setStatus(active, status);
        }
        return;
      }
      const step = (by: 1 | -1, select: boolean) => {
        const target = !keys.hasActive ? active : tips[index + by];
        if (!target) return;
        if (select) {
          if (active) selection.add(active.id);
          selection.add(target.id);
        }
        keys.moveTo(target.id);
      };
      switch (event.key) {
        case 'j':
        case 'J':
          step(1, event.shiftKey);
          break;
        case 'k':
        case 'K':
          step(-1, event.shiftKey);
          break;
        case 'Enter': {
          if ((event.target as HTMLElement).closest('a, button')) return;
          if (active) keys.open(active);
          break;
        }
        case 'a':
          if (active && keys.canTriage) keys.claim(active);
          break;
        case 's':
          if (active && keys.canTriage) keys.setStatusMode(true);
          break;
        case 'n':
          keys.nextNew();
          break;
        case 'x':
        case 'X':
          if (active) selection.toggle(active.id, event.shiftKey);
          break;
        case 'Escape':
          if (!selection.selected.size) return;
          selection.clear();
          break;
        case 'b':
          if (!selection.selected.size) return;
          keys.focusBulk();
          break;
        case 'e':
          if (!active?.groupId) return;
          keys.toggleGroup(active);
          break;
        case 'm':
        case 'd':
        case 'u':
          if (!keys.canTriage) return;
          keys.decide(event.key === 'm' ? 'merge' : event.key === 'd' ? 'separate' : 'unmerge');
          break;
        case '?':
          keys.help();
          break;
        case '/':
          keys.focusSearch();
          break;
        case 'v':
          keys.focusViews();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
