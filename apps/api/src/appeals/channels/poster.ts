import { pickLocale, PublicAppeal } from '@vigie/common';
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { escapeMarkup } from '../../common/markup';
import { COMPOSITE_LABEL, formatReward, KIND_LABELS, OUTCOME_LABELS } from './channel-language';

/** Constant, so the page can allow exactly this stylesheet by hash under a strict CSP. */
const POSTER_CSS = `
@page { size: auto; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0; }
.sheet { max-width: 190mm; margin: 0 auto; }
.banner { background: #111; color: #fff; text-align: center; font-size: 30pt; font-weight: 700; letter-spacing: 2px; padding: 4mm; text-transform: uppercase; }
.banner.resolved { background: #15803d; }
.titles h1 { font-size: 22pt; margin: 5mm 0 1mm; } .titles h2 { font-size: 15pt; margin: 0 0 4mm; color: #333; font-weight: 600; }
.main { display: flex; gap: 6mm; }
.photo { flex: 0 0 80mm; } .photo img { width: 80mm; height: auto; display: block; border: 1px solid #999; }
.photo .label { background: #111; color: #fff; font-size: 9pt; padding: 1.5mm; text-align: center; }
.facts { flex: 1; font-size: 11pt; } .facts dt { font-weight: 700; margin-top: 2mm; } .facts dd { margin: 0; }
.summary { font-size: 12pt; margin: 4mm 0; } .summary p { margin: 0 0 2mm; }
.caution { border: 2px solid #b91c1c; color: #b91c1c; font-weight: 700; padding: 2mm; margin: 3mm 0; }
.reward { background: #fde68a; border: 2px solid #111; font-size: 18pt; font-weight: 700; text-align: center; padding: 3mm; margin: 4mm 0; }
.reward small { display: block; font-size: 9pt; font-weight: 400; }
.contact { display: flex; gap: 6mm; align-items: center; border-top: 2px solid #111; padding-top: 4mm; font-size: 12pt; }
.contact svg { width: 38mm; height: 38mm; flex: 0 0 38mm; }
.emergency { font-size: 16pt; font-weight: 700; }
@media screen { body { background: #eee; } .sheet { background: #fff; padding: 10mm; margin: 5mm auto; box-shadow: 0 1px 4px #0003; } }
`;
export const POSTER_STYLE_HASH = `'sha256-${createHash('sha256').update(POSTER_CSS).digest('base64')}'`;

/**
 * A printable, bilingual A4/Letter poster: the banner, the photo (sketches labelled), the facts,
 * the reward, how to reach the agency, and a QR code to the tip form for this appeal.
 */
export async function renderPoster(appeal: PublicAppeal): Promise<string> {
  const e = escapeMarkup;
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
        ['Cheveux · Hair', subject.hair],
        ['Yeux · Eyes', subject.eyes],
        [
          'Vêtements · Clothing',
          [appeal.subjects[0].clothing?.fr, appeal.subjects[0].clothing?.en].filter(Boolean).join(' / '),
        ],
        [
          'Signes distinctifs · Marks',
          [subject.scarsAndMarks?.fr, subject.scarsAndMarks?.en].filter(Boolean).join(' / '),
        ],
        [
          'Vu la dernière fois · Last seen',
          [
            pickLocale(appeal.lastSeen?.place, 'fr'),
            appeal.lastSeen?.at && new Date(appeal.lastSeen.at).toLocaleString('fr-CA'),
          ]
            .filter(Boolean)
            .join(', '),
        ],
      ]
    : [];
  const reward =
    appeal.reward && !appeal.outcome
      ? `<div class="reward">Récompense · Reward: ${e(formatReward(appeal.reward.amount, appeal.reward.currency, 'fr'))}<small>${e(pickLocale(appeal.reward.terms, 'fr'))}${appeal.reward.terms.en && appeal.reward.terms.fr ? ` / ${e(appeal.reward.terms.en)}` : ''}</small></div>`
      : '';
  const caution = appeal.caution
    ? `<div class="caution">${e(pickLocale(appeal.caution, 'fr'))}${appeal.caution.en && appeal.caution.fr ? `<br>${e(appeal.caution.en)}` : ''}</div>`
    : '';

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
    <h1>${e(appeal.title.fr || appeal.title.en)}</h1>
    ${appeal.title.fr && appeal.title.en ? `<h2 lang="en">${e(appeal.title.en)}</h2>` : ''}
  </div>
  <div class="main">
    ${image ? `<div class="photo"><img src="${e(image.full.jpeg)}" alt="${e(pickLocale(image.alt, 'fr'))}">${image.isComposite ? `<div class="label">${e(COMPOSITE_LABEL.fr)} · ${e(COMPOSITE_LABEL.en)}</div>` : ''}</div>` : ''}
    <dl class="facts">${facts
      .filter(([, v]) => v)
      .map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`)
      .join('')}</dl>
  </div>
  <div class="summary"><p>${e(appeal.summary.fr ?? '')}</p>${appeal.summary.en ? `<p lang="en">${e(appeal.summary.en)}</p>` : ''}</div>
  ${caution}
  ${reward}
  <div class="contact">
    ${qr}
    <div>
      <p class="emergency">Urgence · Emergency: 911</p>
      <p>Vous avez de l’information ? Balayez le code ou visitez · Have information? Scan the code or visit:<br><strong>${e(appeal.links.tipForm)}</strong></p>
      <p>${e(appeal.agency.name)}</p>
      <p>Vous pouvez rester anonyme · You can stay anonymous.</p>
    </div>
  </div>
</main>
</body>
</html>
`;
}
