import { escapeMarkup as e } from '../../common/markup';
import type { OpenRecordItem, OpenRecordsExport } from './open-records.service';

const CSV_COLUMNS = [
  'type',
  'published_at',
  'appeal_slug',
  'version_no',
  'update_id',
  'approved_by',
  'published_by',
  'title_fr',
  'title_en',
  'text_fr',
  'text_en',
  'outcome',
  'public_json',
] as const;

type Localized = Partial<Record<'fr' | 'en', string>> | undefined;

/** The headline of an item in each language: the appeal title, or the update's own text. */
function texts(item: OpenRecordItem): { title: Localized; text: Localized } {
  if (item.public) return { title: item.public.content.title, text: item.public.content.summary };
  return { title: undefined, text: item.text };
}

/**
 * One row per published item. The last column holds the published record itself as JSON (the
 * snapshot or the update text), so the CSV loses nothing; the other columns are for reading.
 */
export function renderCsv(result: OpenRecordsExport): string {
  const rows = result.items.map((item) => {
    const { title, text } = texts(item);
    return [
      item.type,
      item.publishedAt,
      item.slug,
      item.versionNo ?? '',
      item.updateId ?? '',
      item.approvedBy ?? '',
      item.publishedBy ?? '',
      title?.fr ?? '',
      title?.en ?? '',
      text?.fr ?? '',
      text?.en ?? '',
      item.public?.resolution?.outcome ?? '',
      JSON.stringify(item.public ?? item.text),
    ];
  });
  // What the social accounts sent and received: the same columns, its text in text_fr, the message as JSON.
  for (const m of result.social)
    rows.push([
      m.direction === 'SENT' ? 'social_post_sent' : `social_${m.kind.toLowerCase()}_received`,
      m.at,
      '',
      '',
      '',
      '',
      `@${m.authorHandle} (${m.network})`,
      '',
      '',
      m.text,
      '',
      '',
      JSON.stringify(m),
    ]);
  // CRLF and a BOM: what spreadsheet programs expect, so accents open correctly.
  return `\ufeff${[CSV_COLUMNS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * RFC 4180 quoting. A cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a
 * leading apostrophe: published text comes from staff, but a CSV must never execute anything.
 */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const TYPE_LABEL: Record<OpenRecordItem['type'], string> = {
  appeal_version: 'Appeal version',
  resolution: 'Resolution',
  update: 'Update',
  rumour_correction: 'Rumour correction',
};

/** A readable, printable index. Everything is escaped; the JSON export is the full record. */
export function renderHtml(result: OpenRecordsExport): string {
  const rows = result.items.map((item) => {
    const { title, text } = texts(item);
    const lines = (v: Localized) =>
      (['fr', 'en'] as const)
        .filter((l) => v?.[l])
        .map((l) => `<div lang="${l}">${e(v![l])}</div>`)
        .join('');
    return `<tr>
<td>${e(item.publishedAt)}</td>
<td>${e(TYPE_LABEL[item.type])}${item.versionNo ? ` v${item.versionNo}` : ''}${item.public?.resolution ? `<br>${e(item.public.resolution.outcome)}` : ''}</td>
<td><strong>${e(item.slug)}</strong>${lines(title)}</td>
<td>${lines(text)}</td>
<td>${e(item.approvedBy ?? '—')}${item.publishedBy && item.publishedBy !== item.approvedBy ? `<br><span class="meta">published by ${e(item.publishedBy)}</span>` : ''}</td>
</tr>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(result.agency.name)} — published records</title>
<style>body{font:11pt/1.4 Georgia,serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#000}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#eee}tr{break-inside:avoid}.meta{color:#333;font-size:9.5pt}div[lang]+div[lang]{margin-top:.3rem;color:#333}</style></head>
<body>
<h1>${e(result.agency.name)} — everything published</h1>
<p>From ${e(result.from)} to ${e(result.to)} (UTC, end excluded). ${result.items.length} item(s). Generated ${e(result.generatedAt)}.
The JSON and CSV exports carry each published version in full.</p>
<table>
<thead><tr><th scope="col">Published</th><th scope="col">What</th><th scope="col">Appeal</th><th scope="col">Text</th><th scope="col">Approved by</th></tr></thead>
<tbody>
${rows.join('\n') || '<tr><td colspan="5">Nothing was published in this period.</td></tr>'}
</tbody></table>
<h2>Social accounts: sent and received</h2>
<table>
<thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Author</th><th scope="col">Text</th><th scope="col">Link</th></tr></thead>
<tbody>
${
  result.social
    .map(
      (m) =>
        `<tr><td>${e(m.at)}</td><td>${e(m.direction === 'SENT' ? 'Sent' : `Received (${m.kind.toLowerCase()})`)}</td><td>@${e(m.authorHandle)} (${e(m.network)})</td><td>${e(m.text)}</td><td>${e(m.url ?? '')}</td></tr>`,
    )
    .join('\n') || '<tr><td colspan="5">Nothing was sent or received in this period.</td></tr>'
}
</tbody></table>
</body></html>
`;
}
