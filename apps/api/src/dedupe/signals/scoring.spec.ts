import { DedupeSettings } from '../dedupe-settings';
import { scorePair, SUGGEST_AT } from './scoring';
import type { SignalHit } from './signal-hit';

const settings = new DedupeSettings();
const other = 'b';
const media = { a: 'ma', b: 'mb' };

describe('scoring a pair', () => {
  it('suggests the same file on its own, and says so', () => {
    const s = scorePair([{ signal: 'EXACT_MEDIA', otherTipId: other, media }], settings);
    expect(s.suggested).toBe(true);
    expect(s.reasons[0]).toMatchObject({ signal: 'EXACT_MEDIA', text: 'same file, byte for byte', media });
    expect(s.reasons[0]).not.toHaveProperty('otherTipId');
  });

  it('tells a re-encoded copy from a cropped one', () => {
    const near = (bits: number) =>
      scorePair([{ signal: 'NEAR_MEDIA', otherTipId: other, media, bits }], settings).reasons[0].text;
    expect(near(2)).toBe('same photo, re-encoded: 2 bits apart');
    expect(near(8)).toBe('same photo, cropped or edited: 8 bits apart');
  });

  it('needs very similar text to suggest on text alone', () => {
    const text = (similarity: number) =>
      scorePair([{ signal: 'TEXT', otherTipId: other, similarity }], settings);
    expect(text(0.45).suggested).toBe(false);
    expect(text(0.82)).toMatchObject({ suggested: true, reasons: [{ text: 'text 0.82 similar' }] });
  });

  it('adds weak independent evidence up: loosely similar text at the same place and time', () => {
    const hits: SignalHit[] = [
      { signal: 'TEXT', otherTipId: other, similarity: 0.42 },
      { signal: 'PLACE_TIME', otherTipId: other, metres: 140, minutes: 12 },
    ];
    const s = scorePair(hits, settings);
    for (const h of hits) expect(scorePair([h], settings).suggested).toBe(false);
    expect(s.score).toBeGreaterThanOrEqual(SUGGEST_AT);
    expect(s.reasons.map((r) => r.text).sort()).toEqual(['140 m and 12 min apart', 'text 0.42 similar']);
  });

  it('counts one signal once, by its strongest hit', () => {
    const s = scorePair(
      [
        { signal: 'NEAR_MEDIA', otherTipId: other, media, bits: 10 },
        { signal: 'NEAR_MEDIA', otherTipId: other, media: { a: 'mc', b: 'md' }, bits: 2 },
      ],
      settings,
    );
    expect(s.reasons).toHaveLength(1);
    expect(s.reasons[0]).toMatchObject({ bits: 2 });
  });

  it('treats the same tipster on another appeal as a hint, not a duplicate', () => {
    const contact = (sameAppeal: boolean): SignalHit => ({
      signal: 'CONTACT',
      otherTipId: other,
      phone: true,
      email: false,
      sameAppeal,
      days: 2,
    });
    expect(scorePair([contact(true)], settings)).toMatchObject({
      suggested: true,
      reasons: [{ text: 'same phone number' }],
    });
    expect(scorePair([contact(false)], settings)).toMatchObject({
      suggested: false,
      reasons: [{ text: 'same phone number, about another appeal' }],
    });
  });
});
