import type { TipFormValues } from './tip-form-values';

/** Where the unsent tip waits between visits (see DESIGN.md: a draft survives a reload). */
export const TIP_DRAFT_KEY = 'vigie.tipDraft';

/** After this, a forgotten draft is dropped rather than shown to whoever uses the device next. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 3_600_000;

/**
 * Only what the tipster typed about what they saw. Never files (they cannot be stored), never the
 * phone's position (one tap gets it again, and it says where the tipster was), never the name,
 * phone number or e-mail (browser storage is readable in clear by whoever uses the device next),
 * never the receipt. The restored form says what it did not keep.
 */
const DRAFT_FIELDS = [
  'description',
  'occurredFrom',
  'occurredTo',
  'place',
  'contactChoice',
] as const satisfies readonly (keyof TipFormValues)[];

type DraftField = (typeof DRAFT_FIELDS)[number];

export interface TipDraft {
  /** The appeal the draft answers, if any: a draft is offered again only on the same form. */
  appeal?: string;
  step: number;
  values: Partial<Pick<TipFormValues, DraftField>>;
  savedAt: number;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled (some private modes throw on access): the form still works, without a draft.
    return null;
  }
}

function draftValues(values: Partial<TipFormValues>): TipDraft['values'] {
  const kept: TipDraft['values'] = {};
  for (const field of DRAFT_FIELDS) {
    const value = values[field];
    if (typeof value === 'string') (kept as Record<string, string>)[field] = value;
  }
  if (kept.contactChoice !== 'anonymous' && kept.contactChoice !== 'contact') delete kept.contactChoice;
  return kept;
}

const isBlank = (values: TipDraft['values']) =>
  DRAFT_FIELDS.every((field) => field === 'contactChoice' || !values[field]?.trim());

/** Keeps what was typed; a form with nothing typed leaves no draft behind. */
export function saveTipDraft(
  draft: { appeal?: string; step: number; values: Partial<TipFormValues> },
  now = Date.now(),
): void {
  const values = draftValues(draft.values);
  const store = storage();
  try {
    if (isBlank(values)) store?.removeItem(TIP_DRAFT_KEY);
    else
      store?.setItem(
        TIP_DRAFT_KEY,
        JSON.stringify({ appeal: draft.appeal, step: draft.step, values, savedAt: now } satisfies TipDraft),
      );
  } catch {
    // Quota exceeded or storage refused: losing the draft beats breaking the form.
  }
}

/** The draft for this form (same appeal, or none on both sides), unless it is damaged or too old. */
export function loadTipDraft(appeal: string | undefined, now = Date.now()): TipDraft | null {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(TIP_DRAFT_KEY) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  let parsed: Partial<TipDraft>;
  try {
    parsed = JSON.parse(raw) as Partial<TipDraft>;
  } catch {
    clearTipDraft();
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.values !== 'object' || !parsed.values) {
    clearTipDraft();
    return null;
  }
  if (typeof parsed.savedAt !== 'number' || now - parsed.savedAt > DRAFT_MAX_AGE_MS) {
    clearTipDraft();
    return null;
  }
  if ((parsed.appeal || undefined) !== (appeal || undefined)) return null;
  const values = draftValues(parsed.values);
  if (isBlank(values)) return null;
  const step = typeof parsed.step === 'number' && Number.isInteger(parsed.step) ? parsed.step : 0;
  return { appeal: parsed.appeal, step, values, savedAt: parsed.savedAt };
}

export function clearTipDraft(): void {
  try {
    storage()?.removeItem(TIP_DRAFT_KEY);
  } catch {
    // Nothing to clear.
  }
}
