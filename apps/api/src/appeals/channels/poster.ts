import {
  DESCRIPTION_TERMS,
  languageName,
  LocalizedText,
  pickLocale,
  PublicAppeal,
  publicDate,
  termLabel,
} from '@vigie/common';
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { escapeMarkup } from '../../common/markup';
import { COMPOSITE_LABEL, formatReward, KIND_LABELS, OUTCOME_LABELS } from './channel-language';

/**
 * Constant, so the page can allow exactly this stylesheet by hash under a strict CSP. The sheet is
 * exactly one printable page in both Letter (259 mm tall inside 10 mm margins) and A4 (190 mm
 * wide): a column whose middle gives way (long texts are cut at a few lines) so that the QR code
 * and the contact block always stay on the page.
 */
const POSTER_CSS = `
@page { size: auto; margin: 10mm; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #111; font-size: 10.5pt; line-height: 1.3; }
.sheet { width: 100%; max-width: 190mm; height: 254mm; margin: 0 auto; display: flex; flex-direction: column; overflow: hidden; }
.banner { background: #111; color: #fff; text-align: center; font-size: 24pt; font-weight: 700; letter-spacing: 1px; padding: 2.5mm; text-transform: uppercase; flex: none; }
.banner.resolved { background: #15803d; }
.titles { flex: none; } .titles h1 { font-size: 18pt; margin: 3mm 0 1mm; } .titles h2 { font-size: 13pt; margin: 0 0 2mm; color: #333; font-weight: 600; }
.middle { flex: 1 1 auto; min-height: 0; overflow: hidden; }
.main { display: flex; gap: 5mm; }
.photo { flex: 0 0 52mm; } .photo img { width: 52mm; max-height: 64mm; object-fit: contain; display: block; border: 1px solid #999; }
.photo .label { background: #111; color: #fff; font-size: 8pt; padding: 1mm; text-align: center; }
.facts { flex: 1; margin: 0; } .facts dt { font-weight: 700; margin-top: 1.2mm; font-size: 9pt; } .facts dd { margin: 0; }
.clamp { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
.summary { font-size: 11pt; margin: 3mm 0 0; } .summary p { margin: 0 0 1.5mm; -webkit-line-clamp: 2; }
.caution { flex: none; border: 2px solid #b91c1c; color: #b91c1c; font-weight: 700; padding: 1.5mm 2mm; margin: 0 0 2mm; }
.caution p { margin: 0; }
.reward { flex: none; background: #fde68a; border: 2px solid #111; text-align: center; padding: 2mm 3mm; margin: 2mm 0 0; }
.reward .amount { font-size: 17pt; font-weight: 700; margin: 0; }
.reward p { margin: 0.5mm 0 0; font-size: 8.5pt; -webkit-line-clamp: 2; }
.reward .ends { font-weight: 700; font-size: 9.5pt; }
.contact { flex: none; display: flex; gap: 5mm; align-items: center; border-top: 2px solid #111; padding-top: 3mm; margin-top: 2mm; }
.contact svg { width: 36mm; height: 36mm; flex: 0 0 36mm; }
.contact p { margin: 0 0 1.5mm; }
.contact .url { word-break: break-all; font-size: 9pt; }
.emergency { font-size: 15pt; font-weight: 700; }
@media screen { body { background: #eee; } .sheet { background: #fff; padding: 8mm; margin: 5mm auto; box-shadow: 0 1px 4px #0003; height: 270mm; } }
`;
export const POSTER_STYLE_HASH = `'sha256-${createHash('sha256').update(POSTER_CSS).digest('base64')}'`;

/** Both languages of a text, French first; one when only one was written. */
function both(text: LocalizedText | undefined): { fr: string; en: string } {
  const fr = text?.fr?.trim() ?? '';
  const en = text?.en?.trim() ?? '';
  return { fr, en: en === fr ? '' : en };
}

/** "6 décembre 2026, 8 h 30 · December 6, 2026, 8:30 a.m." */
function bothDates(iso: string | undefined, timeZone: string, withTime: boolean): string {
  if (!iso) return '';
  return `${publicDate(iso, 'fr', timeZone, withTime)} · ${publicDate(iso, 'en', timeZone, withTime)}`;
}

/**
 * A printable, bilingual poster that fits one Letter or A4 page: the banner, the photo (sketches
 * labelled), the facts, the reward with its terms and end date, how to reach the agency, and a QR
 * code to the tip form for this appeal.
 */
export async function renderPoster(appeal: PublicAppeal, timeZone: string): Promise<string> {
  const e = escapeMarkup;
  const zone = timeZone;
  const qr = await QRCode.toString(appeal.links.tipForm, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });
  const banner = appeal.outcome
    ? `${OUTCOME_LABELS[appeal.outcome].fr} · ${OUTCOME_LABELS[appeal.outcome].en}`
    : `${KIND_LABELS[appeal.kind].fr} · ${KIND_LABELS[appeal.kind].en}`;
  const image = appeal.images[0];
  const subject = appeal.subjects[0];
  const pair = (text: LocalizedText | undefined) => {
    const { fr, en } = both(text);
    return [fr, en].filter(Boolean).join(' / ');
  };
  const facts: [string, string | undefined][] = subject
    ? [
        ['Nom · Name', subject.name],
        [
          'Âge · Age',
          subject.ageMin !== undefined
            ? subject.ageMax && subject.ageMax !== subject.ageMin
              ? `${subject.ageMin}–${subject.ageMax}`
              : `${subject.ageMin}`
            : undefined,
        ],
        [
          'Taille · Height',
          subject.heightMinCm
            ? `${subject.heightMinCm}${subject.heightMaxCm && subject.heightMaxCm !== subject.heightMinCm ? `–${subject.heightMaxCm}` : ''} cm`
            : undefined,
        ],
        ...DESCRIPTION_TERMS.map(({ field, vocabulary, label }): [string, string] => [
          `${label.fr} · ${label.en}`,
          [termLabel(vocabulary, subject[field], 'fr'), termLabel(vocabulary, subject[field], 'en')]
            .filter(Boolean)
            .join(' / '),
        ]),
        [
          'Langues · Languages',
          (subject.languages ?? [])
            .map((c) => `${languageName(c, 'fr')} / ${languageName(c, 'en')}`)
            .join(', '),
        ],
        ['Description', pair(subject.description)],
        ['Vêtements · Clothing', pair(subject.clothing)],
        ['Signes distinctifs · Marks', pair(subject.scarsAndMarks)],
        [
          'Vu la dernière fois · Last seen',
          [pair(appeal.lastSeen?.place), bothDates(appeal.lastSeen?.at, zone, true)]
            .filter(Boolean)
            .join(' — '),
        ],
      ]
    : [];
  const paragraphs = (text: LocalizedText | undefined, className: string) => {
    const { fr, en } = both(text);
    return [
      fr && `<p class="${className}">${e(fr)}</p>`,
      en && `<p class="${className}" lang="en">${e(en)}</p>`,
    ]
      .filter(Boolean)
      .join('');
  };
  const reward =
    appeal.reward && !appeal.outcome
      ? `<div class="reward">
    <p class="amount">Récompense · Reward: ${e(formatReward(appeal.reward.amount, appeal.reward.currency, 'fr'))}</p>
    ${paragraphs(appeal.reward.terms, 'clamp')}
    ${appeal.reward.expiresAt ? `<p class="ends">Offre valable jusqu’au ${e(publicDate(appeal.reward.expiresAt, 'fr', zone))} · <span lang="en">Offer ends ${e(publicDate(appeal.reward.expiresAt, 'en', zone))}</span></p>` : ''}
  </div>`
      : '';
  const caution = appeal.caution ? `<div class="caution">${paragraphs(appeal.caution, 'clamp')}</div>` : '';
  const title = both(appeal.title);

  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(pickLocale(appeal.title, 'fr'))} · ${e(appeal.agency.name)}</title>
<style>${POSTER_CSS}</style>
</head>
<body>
<main class="sheet">
  <div class="banner${appeal.outcome ? ' resolved' : ''}">${e(banner)}</div>
  <div class="titles">
    <h1>${e(title.fr || title.en)}</h1>
    ${title.fr && title.en ? `<h2 lang="en">${e(title.en)}</h2>` : ''}
  </div>
  ${caution}
  <div class="middle">
    <div class="main">
      ${image ? `<div class="photo"><img src="${e(image.full.jpeg)}" alt="${e(pickLocale(image.alt, 'fr'))}">${image.isComposite ? `<div class="label">${e(COMPOSITE_LABEL.fr)} · ${e(COMPOSITE_LABEL.en)}</div>` : ''}</div>` : ''}
      <dl class="facts">${facts
        .filter(([, v]) => v)
        .map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`)
        .join('')}</dl>
    </div>
    <div class="summary">${paragraphs(appeal.summary, 'clamp')}</div>
  </div>
  ${reward}
  <div class="contact">
    ${qr}
    <div>
      <p class="emergency">Urgence · Emergency: 911</p>
      <p>Vous avez de l’information ? Balayez le code ou visitez · <span lang="en">Have information? Scan the code or visit:</span></p>
      <p class="url"><strong>${e(appeal.links.tipForm)}</strong></p>
      <p>${e(appeal.agency.name)} — Vous pouvez rester anonyme · <span lang="en">You can stay anonymous.</span></p>
    </div>
  </div>
</main>
</body>
</html>
`;
}
