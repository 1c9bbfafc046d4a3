// The hand-written groups (tuning.mjs, held-out.mjs, held-out-2.mjs, held-out-3.mjs, held-out-4.mjs) as corpus tips for
// bench/scenarios/dedupe.mjs, and the figures per class and per part that the bench reports.
import { HELD_OUT } from './held-out.mjs';
import { HELD_OUT_2 } from './held-out-2.mjs';
import { HELD_OUT_3 } from './held-out-3.mjs';
import { HELD_OUT_4 } from './held-out-4.mjs';
import { TUNING } from './tuning.mjs';

export const CLASSES = [
  'reshared-photo',
  'witnesses',
  'same-person',
  'form-twice',
  'two-languages',
  'hard-negative',
];

/**
 * Local wall-clock time of a group's day ("HH:MM", "+1 HH:MM") as an instant. Every day of the
 * corpus is in late November or December, when Montréal is on EST (UTC−5).
 */
function instant(day, clock) {
  const m = /^(?:\+(\d+) )?(\d{2}):(\d{2})$/.exec(clock);
  if (!m) throw new Error(`bad clock ${clock} on ${day}`);
  const [, plus = '0', h, min] = m;
  return new Date(Date.parse(`${day}T${h}:${min}:00-05:00`) + Number(plus) * 86_400_000);
}

/**
 * Held-out-3 is sent and reported only when asked (`DEDUPE_HELD_OUT_3=1`): while the rules are
 * worked on, its tips are not even in the run, so nobody sees its figures before the one run that
 * reports it.
 */
export const withHeldOut3 = process.env.DEDUPE_HELD_OUT_3 === '1';

/** Held-out-4, the same way (`DEDUPE_HELD_OUT_4=1`): written after held-out-3's run was analysed. */
export const withHeldOut4 = process.env.DEDUPE_HELD_OUT_4 === '1';

/**
 * The tips of every part, shaped as buildCorpus's: `event` names the duplicates (group and letter),
 * `class` and `part` say where each pair is reported. Photos are generated street scenes, one per
 * group and scene number, with what an app did to each copy.
 */
export async function handWrittenTips({ appeals, streetScene, variants, typeOf }) {
  const tips = [];
  const parts = [
    ['tuning', TUNING, 20_000],
    ['held-out', HELD_OUT, 30_000],
    ['held-out-2', HELD_OUT_2, 40_000],
    ...(withHeldOut3 ? [['held-out-3', HELD_OUT_3, 50_000]] : []),
    ...(withHeldOut4 ? [['held-out-4', HELD_OUT_4, 60_000]] : []),
  ];
  for (const [part, groups, seedBase] of parts)
    for (const [g, group] of groups.entries()) {
      if (!CLASSES.includes(group.class)) throw new Error(`${part} group ${g}: class ${group.class}`);
      const scenes = new Map();
      for (const [k, tip] of group.tips.entries()) {
        let photo;
        if (tip.photo) {
          const seed = seedBase + g * 10 + tip.photo.scene;
          if (!scenes.has(seed)) scenes.set(seed, await (await streetScene(seed)).view());
          const original = scenes.get(seed);
          const { variant } = tip.photo;
          photo =
            variant === 'original'
              ? { data: original }
              : { data: await variants[variant](original), type: typeOf(variant), variant };
        }
        tips.push({
          key: `${part}-${g}-${k}`,
          // A one-letter event is the group's own; a longer one names an event several groups tell of.
          event: tip.event.length > 1 ? `${part}-${tip.event}` : `${part}-${g}-${tip.event}`,
          kind: `hand-${group.class}${group.kind ? `-${group.kind}` : ''}`,
          class: group.class,
          part,
          fields: {
            agency: 'demo',
            description: tip.text,
            language: tip.lang,
            ...(group.appeal ? { appeal: appeals[group.appeal] } : {}),
            ...(tip.place ? { place: tip.place } : {}),
            ...(tip.when ? { occurredFrom: instant(group.day, tip.when).toISOString() } : {}),
            ...(tip.pos ? { latitude: String(tip.pos[0]), longitude: String(tip.pos[1]) } : {}),
            ...(tip.phone ? { contactPhone: tip.phone } : {}),
            ...(tip.email ? { contactEmail: tip.email } : {}),
          },
          photo,
          arriveAt: instant(group.day, tip.at),
        });
      }
    }
  return tips;
}

/** The class of a generated tip, by its kind (bench/scenarios/dedupe.mjs). */
export function classOfGenerated(kind) {
  if (kind.startsWith('negative-')) return 'hard-negative';
  if (kind.startsWith('photo-') || kind.startsWith('mixed-photo')) return 'reshared-photo';
  if (kind.startsWith('sighting-') || kind === 'mixed-witness') return 'witnesses';
  if (kind.startsWith('resend-')) return 'form-twice';
  if (kind.startsWith('follow-up-')) return 'same-person';
  return null;
}

const round3 = (x) => Math.round(x * 1000) / 1000;

/**
 * Precision and recall over the pairs of the given tips, overall and per class. A duplicate pair
 * counts in its class (a photo copy beside a witness's words counts as witnesses). A suggested
 * pair that is not a duplicate counts against the class of each of its two tips: the hard negative
 * it was, or the class of the tip it was wrongly put beside. Hard negatives' recall is that of
 * their positive controls.
 */
export function figures(tips, idOf, stored) {
  const byId = new Map(tips.map((t) => [idOf.get(t.key), t]));
  const pairKey = (a, b) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const classOf = (t) => t.class ?? classOfGenerated(t.kind);
  const pairClass = (a, b) => (classOf(a) === classOf(b) ? classOf(a) : 'witnesses');
  const cls = Object.fromEntries(CLASSES.map((c) => [c, { pairs: 0, found: 0, wrong: 0 }]));
  const suggested = new Set(
    stored
      .filter((s) => s.suggested && byId.has(s.tip_a) && byId.has(s.tip_b))
      .map((s) => pairKey(s.tip_a, s.tip_b)),
  );
  const positives = new Set();
  const byEvent = new Map();
  for (const t of tips) if (t.event) byEvent.set(t.event, [...(byEvent.get(t.event) ?? []), t]);
  for (const members of byEvent.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [members[i], members[j]];
        const key = pairKey(idOf.get(a.key), idOf.get(b.key));
        positives.add(key);
        const c = cls[pairClass(a, b)];
        c.pairs++;
        if (suggested.has(key)) c.found++;
      }
  // The duplicate pairs not suggested, with what the pipeline found between them (its best row).
  const rows = new Map(stored.map((r) => [pairKey(r.tip_a, r.tip_b), r]));
  const missed = [];
  for (const key of positives) {
    if (suggested.has(key)) continue;
    const [a, b] = key.split(' ').map((id) => byId.get(id));
    const row = rows.get(key);
    missed.push(
      `${a.key} (${a.kind}) + ${b.key}: ${row ? `${row.score} ${row.reasons.map((x) => x.text).join('; ')}` : 'nothing found'}`,
    );
  }
  const falsePositives = [];
  for (const key of suggested) {
    if (positives.has(key)) continue;
    const [a, b] = key.split(' ').map((id) => byId.get(id));
    const row = rows.get(key);
    falsePositives.push(
      `${a.key} (${a.kind}) + ${b.key} (${b.kind}): ${row.score} ${row.reasons.map((x) => x.text).join('; ')}`,
    );
    for (const c of new Set([classOf(a), classOf(b)])) if (c) cls[c].wrong++;
  }
  const tp = [...suggested].filter((k) => positives.has(k)).length;
  const perClass = {};
  for (const [name, c] of Object.entries(cls)) {
    if (c.pairs === 0 && c.wrong === 0) continue;
    perClass[name] = {
      duplicatePairs: c.pairs,
      found: c.found,
      falsePositives: c.wrong,
      precision: c.found + c.wrong ? round3(c.found / (c.found + c.wrong)) : null,
      recall: c.pairs ? round3(c.found / c.pairs) : null,
    };
  }
  return {
    tips: tips.length,
    duplicatePairs: positives.size,
    overall: {
      precision: suggested.size ? round3(tp / suggested.size) : null,
      recall: positives.size ? round3(tp / positives.size) : null,
      suggested: suggested.size,
      truePositives: tp,
    },
    perClass,
    falsePositives,
    missed,
  };
}

/** How many labelled pairs the hand-written groups hold (pairs within a group), by part. */
export function labelledPairs() {
  const count = (groups) =>
    groups.reduce(
      (n, g) => {
        for (let i = 0; i < g.tips.length; i++)
          for (let j = i + 1; j < g.tips.length; j++)
            n[g.tips[i].event === g.tips[j].event ? 'duplicates' : 'nonDuplicates']++;
        return n;
      },
      { duplicates: 0, nonDuplicates: 0 },
    );
  return {
    tuning: count(TUNING),
    heldOut: count(HELD_OUT),
    heldOut2: count(HELD_OUT_2),
    heldOut3: count(HELD_OUT_3),
    heldOut4: count(HELD_OUT_4),
  };
}
