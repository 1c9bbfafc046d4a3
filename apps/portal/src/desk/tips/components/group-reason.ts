import type { DuplicateGroup, DuplicateReason } from '@vigie/common';
import type { TFunction } from 'i18next';

/** A reason in a few words, for a row ("same photo"); the tip's duplicates panel gives the details. */
export function groupReason(t: TFunction, reason: DuplicateReason | null): string {
  if (!reason) return t('desk.groups.reason.MERGED');
  if (reason.signal === 'OBSERVABLE') {
    const kind = reason.shared[0]?.kind;
    return kind
      ? t('desk.groups.reason.OBSERVABLE', { what: t(`desk.observables.kind.${kind}`).toLowerCase() })
      : t('desk.groups.reason.TEXT');
  }
  return t(`desk.groups.reason.${reason.signal}`);
}

/** "14 tips · same photo" ("200+ tips" when the group was too large to count whole). */
export function groupLabel(t: TFunction, group: DuplicateGroup): string {
  return t(group.complete ? 'desk.groups.count' : 'desk.groups.countMore', {
    count: group.count,
    reason: groupReason(t, group.strongest),
  });
}
