import { APPEAL_KIND_RULES, AppealContent, AppealKind, AppealOutcome, LocalizedText } from '@vigie/common';

/**
 * What one published version showed the public, stored whole in `appeal_version.public` so that
 * the record answers "what exactly was public, and when" without re-deriving anything.
 */
export interface PublicSnapshot {
  kind: AppealKind;
  slug: string;
  agency: { name: string; slug: string; publicPhone: string | null };
  content: AppealContent;
  resolution?: { outcome: AppealOutcome; note?: LocalizedText; resolvedAt: string };
}

/**
 * The version published when an appeal is resolved. For missing persons and AMBER alerts the
 * person has been found: their photos, description and last-seen details leave the public page
 * (the earlier versions keep them, for the record). Rewards end with the case.
 */
export function resolvedSnapshot(
  previous: PublicSnapshot,
  outcome: AppealOutcome,
  note: LocalizedText | undefined,
  at: Date,
): PublicSnapshot {
  const hide = APPEAL_KIND_RULES[previous.kind].hidesPersonOnResolve;
  const content: AppealContent = hide
    ? { title: previous.content.title, summary: previous.content.summary, subjects: [], images: [] }
    : { ...previous.content, reward: undefined };
  return { ...previous, content, resolution: { outcome, note, resolvedAt: at.toISOString() } };
}
