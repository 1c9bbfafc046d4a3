import { DedupeSettings } from '../dedupe-settings';
import { scorePair, strengthOf, SUGGEST_AT } from './scoring';
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
      scorePair([{ signal: 'NEAR_MEDIA', otherTipId: other, media, bits, screenshot: false }], settings)
        .reasons[0].text;
    expect(near(2)).toBe('same photo, re-encoded: 2 bits apart');
    expect(near(8)).toBe('same photo, cropped or edited: 8 bits apart');
  });

  it('needs very similar text to suggest on text alone', () => {
    const text = (similarity: number) =>
      scorePair([{ signal: 'TEXT', otherTipId: other, similarity, elsewhere: false }], settings);
    expect(text(0.45).suggested).toBe(false);
    expect(text(0.82)).toMatchObject({ suggested: true, reasons: [{ text: 'text 0.82 similar' }] });
  });

  it('does not suggest the same words about another place or time', () => {
    expect(
      scorePair([{ signal: 'TEXT', otherTipId: other, similarity: 0.9, elsewhere: true }], settings),
    ).toMatchObject({
      suggested: false,
      reasons: [{ text: 'text 0.90 similar, about another place or time' }],
    });
  });

  it('says which place told two tips apart, and what agreed between two places named alike', () => {
    expect(
      scorePair(
        [
          {
            signal: 'TEXT',
            otherTipId: other,
            similarity: 0.8,
            elsewhere: true,
            placeDiffered: ['municipality laval / longueuil'],
          },
        ],
        settings,
      ),
    ).toMatchObject({
      suggested: false,
      reasons: [{ text: 'text 0.80 similar, about another place (municipality laval / longueuil)' }],
    });
    const named = scorePair(
      [
        {
          signal: 'PLACE_TIME',
          otherTipId: other,
          placeSimilarity: 0.9,
          minutes: 5,
          sameAppeal: true,
          placeMatched: ['municipality montreal', 'street st jacques'],
        },
      ],
      settings,
    );
    expect(named.reasons[0]).toMatchObject({
      placeMatched: ['municipality montreal', 'street st jacques'],
      text: 'place named alike (0.90; same municipality montreal, street st jacques), 5 min apart',
    });
  });

  it('says when a street name was shared by two kinds of street, and does not suggest on it alone', () => {
    const weakened = scorePair(
      [
        {
          signal: 'PLACE_TIME',
          otherTipId: other,
          placeSimilarity: 0.5,
          minutes: 10,
          sameAppeal: true,
          placeWeakened: ['street rue st jean / boulevard st jean'],
        },
      ],
      settings,
    );
    expect(weakened).toMatchObject({
      suggested: false,
      reasons: [
        {
          placeWeakened: ['street rue st jean / boulevard st jean'],
          text: 'place named alike (0.50; not the same kind of street: rue st jean / boulevard st jean), 10 min apart',
        },
      ],
    });
  });

  it('adds weak independent evidence up: loosely similar text at the same place and time', () => {
    const hits: SignalHit[] = [
      { signal: 'TEXT', otherTipId: other, similarity: 0.5, elsewhere: false },
      { signal: 'PLACE_TIME', otherTipId: other, metres: 280, minutes: 50, sameAppeal: true },
    ];
    const s = scorePair(hits, settings);
    for (const h of hits) expect(scorePair([h], settings).suggested).toBe(false);
    expect(s.score).toBeGreaterThanOrEqual(SUGGEST_AT);
    expect(s.reasons.map((r) => r.text).sort()).toEqual(['280 m and 50 min apart', 'text 0.50 similar']);
  });

  it('counts a typed place the gazetteer placed as a place: within its reach is the same spot, and vaguer than a position', () => {
    const placed = (metres: number, minutes = 10): SignalHit => ({
      signal: 'PLACE_TIME',
      otherTipId: other,
      metres,
      minutes,
      sameAppeal: true,
      reachM: 60,
      placedBy: ['rue Rachel / avenue Papineau'],
    });
    const position = (metres: number): SignalHit => ({
      signal: 'PLACE_TIME',
      otherTipId: other,
      metres,
      minutes: 10,
      sameAppeal: true,
    });
    // 50 m from a corner that reaches 60 m: as if at the corner itself.
    expect(strengthOf(placed(50), settings)).toBe(strengthOf(placed(0), settings));
    expect(strengthOf(placed(0), settings)).toBeLessThan(strengthOf(position(0), settings));
    expect(scorePair([placed(200)], settings)).toMatchObject({
      suggested: true,
      reasons: [{ text: '200 m and 10 min apart (placed by the gazetteer: rue Rachel / avenue Papineau)' }],
    });
    // At the edge of the radius and the window, it is not enough alone.
    expect(scorePair([placed(360, 60)], settings).suggested).toBe(false);
  });

  it('suggests two sightings close in place and time about the same appeal, not about different ones', () => {
    const place = (sameAppeal: boolean): SignalHit => ({
      signal: 'PLACE_TIME',
      otherTipId: other,
      metres: 140,
      minutes: 12,
      sameAppeal,
    });
    expect(scorePair([place(true)], settings)).toMatchObject({
      suggested: true,
      reasons: [{ text: '140 m and 12 min apart' }],
    });
    expect(scorePair([place(false)], settings).suggested).toBe(false);
  });

  it('counts one signal once, by its strongest hit', () => {
    const s = scorePair(
      [
        { signal: 'NEAR_MEDIA', otherTipId: other, media, bits: 10, screenshot: false },
        { signal: 'NEAR_MEDIA', otherTipId: other, media: { a: 'mc', b: 'md' }, bits: 2, screenshot: true },
      ],
      settings,
    );
    expect(s.reasons).toHaveLength(1);
    expect(s.reasons[0]).toMatchObject({ bits: 2, text: 'same photo, in a screenshot: 2 bits apart' });
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

  describe('shared observables (plates, phones, addresses, handles, full names in both tips’ words)', () => {
    const observable = (
      shared: {
        kind: 'PLATE' | 'PHONE' | 'ADDRESS' | 'HANDLE' | 'PERSON';
        value: string;
        mentions: number;
      }[],
      sameAppeal = true,
      days = 1,
      elsewhere = false,
    ): SignalHit => ({
      signal: 'OBSERVABLE',
      otherTipId: other,
      shared: shared as never,
      sameAppeal,
      days,
      elsewhere,
    });
    const plate = { kind: 'PLATE' as const, value: 'FXK482', mentions: 2 };

    it('one plate, number, account or full name given about one appeal is one identification: suggested', () => {
      const s = scorePair([observable([plate])], settings);
      expect(s).toMatchObject({ score: 0.6, suggested: true });
      expect(s.reasons[0]).toMatchObject({
        signal: 'OBSERVABLE',
        strength: 0.6,
        text: 'both mention plate FXK482',
        shared: [plate],
      });
      for (const one of [
        { kind: 'PHONE' as const, value: '+15145550199', mentions: 2 },
        { kind: 'HANDLE' as const, value: '@dany.b450', mentions: 2 },
        { kind: 'PERSON' as const, value: 'kevin roy', mentions: 3 },
      ])
        expect(scorePair([observable([one])], settings)).toMatchObject({ score: 0.6, suggested: true });
      expect(
        scorePair([observable([{ kind: 'PERSON', value: 'kevin roy', mentions: 2 }])], settings).reasons[0]
          .text,
      ).toBe('both mention person kevin roy');
    });

    it('the same thing seen at two moments is two leads: a third, and says so', () => {
      const s = scorePair([observable([plate], true, 2, true)], settings);
      expect(s).toMatchObject({ score: 0.2, suggested: false });
      expect(s.reasons[0].text).toBe('both mention plate FXK482, about another moment');
    });

    it('is combined with the other signals as they are with each other', () => {
      const withText = scorePair(
        [
          observable([plate], true, 2, true),
          { signal: 'TEXT', otherTipId: other, similarity: 0.7, elsewhere: false },
        ],
        settings,
      );
      expect(withText.suggested).toBe(true);
      expect(withText.reasons.map((r) => r.signal)).toEqual(['TEXT', 'OBSERVABLE']);
      const plateAndPhone = scorePair(
        [observable([plate, { kind: 'PHONE', value: '+15145550199', mentions: 1 }])],
        settings,
      );
      expect(plateAndPhone).toMatchObject({ score: 0.84, suggested: true });
      expect(plateAndPhone.reasons[0].text).toBe('both mention plate FXK482 and phone +15145550199');
    });

    it('weakens a value many tips mention, one about another appeal or weeks apart; an address is 0.5', () => {
      const strength = (hit: SignalHit) => scorePair([hit], settings).reasons[0].strength;
      expect(strength(observable([{ ...plate, mentions: 50 }]))).toBeCloseTo(0.06, 2);
      expect(strength(observable([plate], false))).toBe(0.2);
      expect(strength(observable([plate], true, 90))).toBe(0.2);
      expect(strength(observable([{ kind: 'ADDRESS', value: '1234 ontario st e', mentions: 2 }]))).toBe(0.5);
      expect(scorePair([observable([plate], false)], settings).reasons[0].text).toBe(
        'both mention plate FXK482, about another appeal',
      );
    });
  });
});
