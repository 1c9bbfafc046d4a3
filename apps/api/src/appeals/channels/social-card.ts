import { pickLocale, PublicAppeal } from '@vigie/common';
import sharp from 'sharp';
import { escapeMarkup } from '../../common/markup';
import { formatReward, KIND_LABELS, OUTCOME_LABELS } from './channel-language';

const WIDTH = 1200;
const HEIGHT = 630;
const BANNER = 96;
const PHOTO_WIDTH = 420;

const KIND_COLOURS: Record<string, string> = {
  AMBER_ALERT: '#b45309',
  MISSING_PERSON: '#1d4ed8',
  WANTED: '#b91c1c',
  WITNESS_APPEAL: '#0f766e',
  UNIDENTIFIED_PERSON: '#6d28d9',
};

/** Greedy word wrap, at most `lines` lines, the last one ellipsed if the text is longer. */
function wrap(text: string, perLine: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if ((line + ' ' + word).trim().length > perLine && line) {
      out.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) out.push(line);
  if (out.length > lines) {
    out.length = lines;
    out[lines - 1] = `${out[lines - 1].slice(0, perLine - 1)}…`;
  }
  return out;
}

/**
 * The 1200x630 image social networks show for a shared appeal: the kind banner in both languages,
 * the first photo (or sketch, labelled), the title, and the reward. Re-encoded from scratch, so it
 * carries no metadata.
 */
export async function renderSocialCard(appeal: PublicAppeal, photoJpeg: Buffer | null): Promise<Buffer> {
  const resolved = appeal.outcome ? OUTCOME_LABELS[appeal.outcome] : null;
  const colour = resolved ? '#15803d' : KIND_COLOURS[appeal.kind];
  const banner = resolved
    ? `${resolved.fr} · ${resolved.en}`
    : `${KIND_LABELS[appeal.kind].fr} · ${KIND_LABELS[appeal.kind].en}`;
  const textX = photoJpeg ? PHOTO_WIDTH + 48 : 48;
  const perLine = photoJpeg ? 26 : 40;
  const titleFr = wrap(pickLocale(appeal.title, 'fr'), perLine, 3);
  const titleEn = appeal.title.en && appeal.title.fr ? wrap(appeal.title.en, perLine + 8, 2) : [];
  const first = appeal.images[0];
  const reward = appeal.reward
    ? `Récompense · Reward: ${formatReward(appeal.reward.amount, appeal.reward.currency, 'fr')}`
    : '';

  const lines = [
    ...titleFr.map(
      (l, i) =>
        `<text x="${textX}" y="${BANNER + 80 + i * 56}" font-size="46" font-weight="bold" fill="#ffffff">${escapeMarkup(l)}</text>`,
    ),
    ...titleEn.map(
      (l, i) =>
        `<text x="${textX}" y="${BANNER + 90 + titleFr.length * 56 + i * 40}" font-size="32" fill="#cbd5e1">${escapeMarkup(l)}</text>`,
    ),
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="DejaVu Sans, Liberation Sans, sans-serif">
    <rect width="${WIDTH}" height="${BANNER}" fill="${colour}"/>
    <text x="48" y="64" font-size="44" font-weight="bold" fill="#ffffff" letter-spacing="1">${escapeMarkup(banner.toUpperCase())}</text>
    ${lines.join('\n')}
    ${reward ? `<text x="${textX}" y="${HEIGHT - 96}" font-size="34" font-weight="bold" fill="#fde68a">${escapeMarkup(reward)}</text>` : ''}
    <text x="${textX}" y="${HEIGHT - 40}" font-size="26" fill="#e2e8f0">${escapeMarkup(appeal.agency.name)}</text>
    ${first?.isComposite ? `<rect x="0" y="${HEIGHT - 44}" width="${PHOTO_WIDTH}" height="44" fill="#000000" opacity="0.75"/><text x="16" y="${HEIGHT - 14}" font-size="20" fill="#ffffff">Portrait-robot · Composite sketch</text>` : ''}
  </svg>`;

  // The photo goes down first; the SVG (transparent but for banner and text) goes over it.
  const layers: sharp.OverlayOptions[] = [];
  if (photoJpeg) {
    const photo = await sharp(photoJpeg)
      .resize(PHOTO_WIDTH, HEIGHT - BANNER, { fit: 'cover', position: 'attention' })
      .toBuffer();
    layers.push({ input: photo, top: BANNER, left: 0 });
  }
  layers.push({ input: Buffer.from(svg), top: 0, left: 0 });
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#0b1f3a' } })
    .composite(layers)
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer();
}
