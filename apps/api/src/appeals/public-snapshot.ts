import {
  APPEAL_KIND_RULES,
  AppealContent,
  AppealKind,
  AppealOutcome,
  LocalizedText,
  resolvedHeadline,
} from '@vigie/common';

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
 * What approving the working copy publishes. Approval and its preview both call this, so a preview
 * shows exactly the version that would go out.
 */
export function pendingSnapshot(
  appeal: { kind: AppealKind; slug: string; draft: AppealContent },
  agency: { name: string; slug: string; publicPhone: string | null },
): PublicSnapshot {
  return {
    kind: appeal.kind,
    slug: appeal.slug,
    agency: { name: agency.name, slug: agency.slug, publicPhone: agency.publicPhone },
    content: appeal.draft,
  };
}

/**
 * The version published when an appeal is resolved. For missing persons and AMBER alerts the
 * person has been found: their name (in the title), photos, description, medical details in the
 * summary and last-seen details leave every public surface, the title becoming the kind's
 * outcome headline (the earlier versions keep everything, for the record). Rewards end with the case.
 */
export function resolvedSnapshot(
  previous: PublicSnapshot,
  outcome: AppealOutcome,
  note: LocalizedText | undefined,
  at: Date,
): PublicSnapshot {
  const hide = APPEAL_KIND_RULES[previous.kind].hidesPersonOnResolve;
  const content: AppealContent = hide
    ? { title: outcomeTitle(previous, outcome), summary: {}, subjects: [], images: [] }
    : { ...previous.content, reward: undefined };
  return { ...previous, content, resolution: { outcome, note, resolvedAt: at.toISOString() } };
}

/** The outcome headline in each language the appeal was published in. */
function outcomeTitle(previous: PublicSnapshot, outcome: AppealOutcome): LocalizedText {
  const langs = (['fr', 'en'] as const).filter((l) => previous.content.title[l]?.trim());
  return Object.fromEntries(langs.map((l) => [l, resolvedHeadline(previous.kind, outcome, l)]));
}

/** Whether the public may still read an appeal's earlier updates: not once a found person is hidden. */
export function showsUpdates(snapshot: PublicSnapshot): boolean {
  return !(snapshot.resolution && APPEAL_KIND_RULES[snapshot.kind].hidesPersonOnResolve);
}
