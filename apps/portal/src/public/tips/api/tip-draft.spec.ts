import { afterEach, describe, expect, it } from 'vitest';
import { clearTipDraft, DRAFT_MAX_AGE_MS, loadTipDraft, saveTipDraft, TIP_DRAFT_KEY } from './tip-draft';
import { EMPTY_TIP_VALUES, type TipFormValues } from './tip-form-values';

const typed: TipFormValues = {
  ...EMPTY_TIP_VALUES,
  description: 'Une voiture grise, plaque FXR…',
  occurredFrom: '2026-03-02T18:40',
  place: 'Métro Berri-UQAM',
  latitude: '45.5152',
  longitude: '-73.5614',
  accuracyM: '35',
  contactChoice: 'contact',
  contactPhone: '514 555-0199',
};

describe('tip draft', () => {
  afterEach(() => localStorage.clear());

  it('keeps what was typed under vigie.tipDraft, but never the phone’s position nor contact details', () => {
    saveTipDraft({ appeal: 'missing-lea', step: 2, values: typed });
    const stored = JSON.parse(localStorage.getItem(TIP_DRAFT_KEY) ?? '{}');
    expect(stored.values).toEqual({
      description: typed.description,
      occurredFrom: typed.occurredFrom,
      occurredTo: '',
      place: typed.place,
      contactChoice: 'contact',
    });
    expect(JSON.stringify(stored)).not.toMatch(/45\.5152|73\.5614/);
    expect(JSON.stringify(stored)).not.toContain('555-0199');
    expect(loadTipDraft('missing-lea')).toMatchObject({
      appeal: 'missing-lea',
      step: 2,
      values: stored.values,
    });
  });

  it('offers a draft only on the same form (same appeal, or none on both sides)', () => {
    saveTipDraft({ appeal: 'missing-lea', step: 1, values: typed });
    expect(loadTipDraft(undefined)).toBeNull();
    expect(loadTipDraft('another-appeal')).toBeNull();
    saveTipDraft({ step: 1, values: typed });
    expect(loadTipDraft(undefined)?.values.description).toBe(typed.description);
  });

  it('leaves nothing behind for a form with nothing typed, and clears on demand', () => {
    saveTipDraft({ step: 0, values: typed });
    saveTipDraft({ step: 0, values: { ...EMPTY_TIP_VALUES, contactChoice: 'contact' } });
    expect(localStorage.getItem(TIP_DRAFT_KEY)).toBeNull();
    saveTipDraft({ step: 0, values: typed });
    clearTipDraft();
    expect(localStorage.getItem(TIP_DRAFT_KEY)).toBeNull();
  });

  it('drops a damaged or forgotten draft instead of showing it', () => {
    localStorage.setItem(TIP_DRAFT_KEY, '{not json');
    expect(loadTipDraft(undefined)).toBeNull();
    expect(localStorage.getItem(TIP_DRAFT_KEY)).toBeNull();

    const weekAgo = Date.now() - DRAFT_MAX_AGE_MS - 1000;
    saveTipDraft({ step: 3, values: typed }, weekAgo);
    expect(loadTipDraft(undefined)).toBeNull();
    expect(localStorage.getItem(TIP_DRAFT_KEY)).toBeNull();

    localStorage.setItem(
      TIP_DRAFT_KEY,
      JSON.stringify({ step: 'x', savedAt: Date.now(), values: { description: 'Vu', evil: '<script>' } }),
    );
    expect(loadTipDraft(undefined)).toEqual({
      appeal: undefined,
      step: 0,
      values: { description: 'Vu' },
      savedAt: expect.any(Number),
    });
  });
});
