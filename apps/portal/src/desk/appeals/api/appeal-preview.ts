import type { AppealContent, AppealImage, AppealKind, PublicAppeal, StaffAppeal } from '@vigie/common';

/**
 * What the public page would show if this content were approved now: the public page's own component
 * renders it. Images come from the staff URLs (the public ones exist only once published).
 */
export function toPreviewAppeal(input: {
  kind: AppealKind;
  content: AppealContent;
  staffImages: StaffAppeal['images'];
  agencyName: string;
  slug?: string;
  live?: Pick<StaffAppeal, 'status' | 'outcome' | 'updates'>;
}): PublicAppeal {
  const { content } = input;
  const byId = new Map(input.staffImages.map((image) => [image.id, image]));
  const images: AppealImage[] = (content.images ?? []).flatMap((ref) => {
    const staff = byId.get(ref.id);
    return staff ? [{ ...staff, isComposite: ref.isComposite, alt: ref.alt }] : [];
  });
  const now = new Date().toISOString();
  const slug = input.slug ?? 'preview';
  const resolved = input.live?.status === 'RESOLVED';
  return {
    slug,
    kind: input.kind,
    status: (resolved ? 'RESOLVED' : 'PUBLISHED') as PublicAppeal['status'],
    outcome: resolved ? input.live?.outcome : undefined,
    title: content.title,
    summary: content.summary,
    body: content.body,
    caution: content.caution,
    subjects: content.subjects ?? [],
    vehicles: content.vehicles ?? [],
    lastSeen: content.lastSeen,
    reward: content.reward,
    expiresAt: content.expiresAt,
    thumbnail: images[0],
    images,
    agency: { name: input.agencyName, slug: '' },
    publishedAt: now,
    updatedAt: now,
    updates: (input.live?.updates ?? [])
      .filter((update) => update.state === 'PUBLISHED' && update.publishedAt)
      .map((update) => ({
        id: update.id,
        kind: update.kind,
        text: update.text,
        publishedAt: update.publishedAt!,
      })),
    versionNo: 0,
    links: { page: '', poster: '', socialImage: '', tipForm: '' },
  };
}
