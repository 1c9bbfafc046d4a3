import type { BulkUpdateResult, TipSummary } from '@vigie/common';
import type { TFunction } from 'i18next';

/**
 * What a bulk change did, in words: how many tips changed and, for the others, why each was left
 * as it was ("QX7P-2KDM is Linked to a case", "held by Sam"). `tips` names them by their code.
 */
export function bulkOutcome(
  t: TFunction,
  result: BulkUpdateResult,
  tips: readonly TipSummary[],
): { done: string; refused: string | null; held: boolean } {
  const codeOf = (id: string) => tips.find((tip) => tip.id === id)?.code ?? t('desk.inbox.bulk.unknownTip');
  const reasons = result.refused.map((refusal) =>
    t(`desk.inbox.bulk.reason.${refusal.code}`, {
      code: codeOf(refusal.id),
      status: refusal.status ? t(`desk.tipStatus.${refusal.status}`) : '',
      name: refusal.heldBy?.displayName ?? '',
    }),
  );
  return {
    done: t('desk.inbox.bulk.done', { count: result.updated.length }),
    refused: reasons.length
      ? t('desk.inbox.bulk.refused', { count: reasons.length, reasons: reasons.join(' ; ') })
      : null,
    held: result.refused.some((refusal) => refusal.code === 'HELD'),
  };
}
