import type { AppealContent } from '@vigie/common';

export type FieldChange = 'added' | 'removed' | 'changed' | 'same';

/** One field of the appeal, as the public would read it in the live version and in the proposed one. */
export interface FieldDiff {
  /** `title.fr`, `subjects.0.ageMax`, `images.1.id`… */
  path: string;
  /** The group the field belongs to: `title`, `subjects.0`, `reward`, `images.1`… */
  section: string;
  /** The last segments, for the label: `title.fr` -> `title` + language `fr`. */
  field: string;
  lang?: 'fr' | 'en';
  before: string | null;
  after: string | null;
  change: FieldChange;
}

type Flat = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Flat): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    // A list of words (aliases, languages) reads as one field; a list of records, field by field.
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      const joined = value
        .map(String)
        .filter((item) => item.trim())
        .join(', ');
      if (joined) out.set(prefix, joined);
      return;
    }
    value.forEach((item, index) => flatten(item, `${prefix}.${index}`, out));
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>))
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  const text = String(value).trim();
  if (text) out.set(prefix, text);
}

/**
 * The order of the editor's form, so the review reads like what the author filled in: sections, then
 * each field where the form has it (minimum before maximum; French before English). The stored
 * content cannot give it: Postgres keeps an object's keys in its own order ("ageMax" before "ageMin").
 */
const SECTION_ORDER = [
  'title',
  'summary',
  'body',
  'caution',
  'subjects',
  'lastSeen',
  'vehicles',
  'reward',
  'expiresAt',
  'images',
];

const FIELD_ORDER = [
  // subjects
  'role',
  'name',
  'aliases',
  'sex',
  'ageMin',
  'ageMax',
  'heightMinCm',
  'heightMaxCm',
  'weightMinKg',
  'weightMaxKg',
  'race',
  'hair',
  'eyes',
  'build',
  'languages',
  'description',
  'scarsAndMarks',
  'clothing',
  // lastSeen
  'place',
  'latitude',
  'longitude',
  'at',
  // vehicles
  'make',
  'model',
  'colour',
  'year',
  'plate',
  'plateRegion',
  // reward
  'amount',
  'currency',
  'terms',
  // images
  'id',
  'isComposite',
  'alt',
];

function sectionOf(path: string): string {
  const [head, second] = path.split('.');
  return /^\d+$/.test(second ?? '') ? `${head}.${second}` : head;
}

const orderOf = (list: string[], key: string | undefined) => {
  const index = key === undefined ? -1 : list.indexOf(key);
  return index === -1 ? list.length : index;
};

function rank(path: string): number[] {
  const parts = path.split('.');
  const [head] = parts;
  const item = /^\d+$/.test(parts[1] ?? '') ? Number(parts[1]) : -1;
  const rest = parts.slice(item === -1 ? 1 : 2);
  const lang = rest[rest.length - 1] === 'en' ? 1 : 0;
  return [orderOf(SECTION_ORDER, head), item, orderOf(FIELD_ORDER, rest[0]), lang];
}

const byRank = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
};

/**
 * Field-by-field comparison of the proposed content with the live one. With nothing live (never
 * published), every field is `added`. Blank and absent are the same thing: neither shows on the page.
 */
export function diffAppealContent(
  live: AppealContent | undefined,
  draft: AppealContent | undefined,
): FieldDiff[] {
  const before: Flat = new Map();
  const after: Flat = new Map();
  flatten(live ?? {}, '', before);
  flatten(draft ?? {}, '', after);
  const paths = [...new Set([...after.keys(), ...before.keys()])];
  // The form's order; a field the form does not know keeps its place after the known ones.
  const ordered = paths
    .map((path, index) => ({ path, index, rank: rank(path) }))
    .sort((a, b) => byRank(a.rank, b.rank) || a.index - b.index);

  return ordered.map(({ path }) => {
    const was = before.get(path) ?? null;
    const is = after.get(path) ?? null;
    const section = sectionOf(path);
    const rest = path.slice(section.length + 1);
    const last = path.split('.').pop();
    const lang = last === 'fr' || last === 'en' ? last : undefined;
    const field = (lang ? rest.slice(0, -3) : rest) || section.split('.')[0];
    const change: FieldChange =
      was === is ? 'same' : was === null ? 'added' : is === null ? 'removed' : 'changed';
    return { path, section, field, lang, before: was, after: is, change };
  });
}

/** How many fields a reviewer has to look at. */
export const countChanges = (diff: FieldDiff[]) => diff.filter((row) => row.change !== 'same').length;
