import { Clock } from '../../apps/api/src/common/clock';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';
import { TipFields } from '../support/tip-client';
import { hammingDistance } from '../../apps/api/src/media/processing';
import { DedupeScoreJob } from '../../apps/api/src/dedupe/dedupe-score.job';
import { duplicatesOf, Photo, reshared, sendTip, settle, streetPhoto, suggestion } from './dedupe-fixtures';

/*
 * Each signal finds its kind of duplicate through the real pipeline (intake, media job, scoring
 * job) and ignores its hard negatives. All tips are sent first and scored once; each describe
 * uses its own photos, words and places so they cannot match one another's.
 */
let t: TestApp;
let investigator: ApiClient;
const ids: Record<string, string> = {};
let appeals: string[];

// Montréal street corners; the offsets are ~140 m north and ~2 km east.
const JEAN_TALON = { latitude: 45.5392, longitude: -73.6137 };
const north140m = (p: typeof JEAN_TALON) => ({ ...p, latitude: p.latitude + 0.00126 });
const east2km = (p: typeof JEAN_TALON) => ({ ...p, longitude: p.longitude + 0.0256 });
const at = (p: { latitude: number; longitude: number }) => ({
  latitude: String(p.latitude),
  longitude: String(p.longitude),
});
const minutes = (base: string, n: number) => new Date(Date.parse(base) + n * 60_000).toISOString();
/**
 * Tips arrive at a set moment (the app's Clock), never at the hour the test runs: a clock written
 * "two hours ago" shortly after midnight is yesterday's, and "hier" then means the same evening.
 * 15:30 in Montréal, a weekday in November.
 */
const ARRIVAL = '2026-11-20T20:30:00.000Z';
const JUST_AFTER_MIDNIGHT = '2026-11-21T05:30:00.000Z'; // 00:30 in Montréal
/** The wall clock in the demo agency's zone, `ago` minutes before the tips arrive: what a tipster would write. */
const clockAgo = (ago: number) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(Date.parse(ARRIVAL) - ago * 60_000);
  const h = Number(parts.find((p) => p.type === 'hour')?.value);
  const mm = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return { fr: `${h} h ${mm}`, en: `${((h + 11) % 12) + 1}:${mm} ${h < 12 ? 'a.m.' : 'p.m.'}` };
};

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  t.app.get(Clock).set(ARRIVAL);
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  // Named places are tested here by their names alone, as for an agency whose gazetteer does not
  // know them (placing them is tests/api/gazetteer.test.ts'): the demo's gazetteer is replaced by
  // one of a single place far from here.
  const gazetteer = new FormData();
  gazetteer.append(
    'file',
    new Blob([
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [-71.2075, 46.8139] },
            properties: { name: 'Château Frontenac', municipality: 'Québec' },
          },
        ],
      }),
    ]),
    'elsewhere.geojson',
  );
  const admin = await ApiClient.signedIn(t.baseUrl, 'admin@demo.test');
  const loaded = await admin.request('PUT', '/api/admin/gazetteer', gazetteer);
  if (loaded.status !== 200) throw new Error(`gazetteer: ${loaded.status}`);
  const { rows } = await t.db.query(
    `SELECT a.slug FROM appeal a JOIN agency g ON g.id = a.agency_id
      WHERE g.slug = 'demo' AND a.status = 'PUBLISHED' ORDER BY a.slug LIMIT 2`,
  );
  appeals = rows.map((r) => r.slug);

  const photo = await streetPhoto(101);
  const other = await streetPhoto(202); // the same kind of street, another photo
  const tips: [name: string, fields: TipFields, photos?: Photo[]][] = [
    // Exact media: the same bytes forwarded; a different photo of a similar street.
    ['exactA', { description: 'Is this the car? Photo from my neighbour.' }, [{ data: photo }]],
    ['exactB', { description: 'Saw this picture in a group chat.' }, [{ data: photo }]],
    // Near media: the same photo through apps, and another photo of the same kind of scene.
    [
      'nearRecompressed',
      { description: 'Cette photo circule sur Facebook.' },
      [{ data: await reshared.recompressed(photo) }],
    ],
    ['nearCropped', { description: 'Found this on Instagram' }, [{ data: await reshared.cropped(photo) }]],
    [
      'nearScreenshot',
      { description: 'Screenshot from a friend' },
      [{ data: await reshared.screenshot(photo), type: 'image/png' }],
    ],
    [
      'nearScreenshotWithStatusBar',
      { description: 'Capture d’écran' },
      [{ data: await reshared.screenshotWithStatusBar(photo), type: 'image/png' }],
    ],
    ['photoNegative', { description: 'Same street, my own photo from last week.' }, [{ data: other }]],
    // Text: the same tipster sending twice with small edits; the same phrasing about another event.
    [
      'textFirst',
      {
        description:
          'Hier soir vers 22 h, un camion blanc sans plaque arrière stationnait derrière l’entrepôt de la rue Chabanel, deux hommes chargeaient des boîtes de téléviseurs.',
      },
    ],
    [
      'textResent',
      {
        description:
          'Hier soir vers 22h un camion blanc, sans plaque arrière, était stationné derrière l’entrepôt rue Chabanel. Deux hommes y chargeaient des boîtes de téléviseurs!',
      },
    ],
    [
      'textNegative',
      {
        description:
          'Ce matin vers 7 h, une fourgonnette grise avec une plaque de l’Ontario stationnait devant l’épicerie de la rue Beaubien, une femme déchargeait des caisses de fruits.',
      },
    ],
    // Place and time: two witnesses of one sighting in their own words, 140 m and 12 min apart;
    // the same corner the next day, and the same minute 2 km away.
    [
      'placeA',
      {
        description:
          'An old man with grey hair and a beige coat was wandering on the sidewalk, he looked lost.',
        language: 'en',
        occurredFrom: '2026-11-18T20:05:00.000Z',
        ...at(JEAN_TALON),
      },
    ],
    [
      'placeB',
      {
        description:
          'Elderly man, grey hair, beige coat, walking alone and looking confused near the market.',
        language: 'en',
        occurredFrom: minutes('2026-11-18T20:05:00.000Z', 12),
        ...at(north140m(JEAN_TALON)),
      },
    ],
    [
      'placeNextDay',
      {
        description: 'An old man with grey hair was sitting on a bench, he seemed fine.',
        language: 'en',
        occurredFrom: minutes('2026-11-18T20:05:00.000Z', 24 * 60),
        ...at(JEAN_TALON),
      },
    ],
    [
      'placeFar',
      {
        description: 'Old man in a beige coat waiting for the bus, looked lost.',
        language: 'en',
        occurredFrom: '2026-11-18T20:05:00.000Z',
        ...at(east2km(JEAN_TALON)),
      },
    ],
    // Place and time without positions: the places typed in the form, and the times given.
    [
      'namedA',
      {
        description:
          'Une adolescente en manteau rouge achetait des billets, elle avait l’air seule et inquiète.',
        appeal: appeals[0],
        place: 'Métro Berri-UQAM',
        occurredFrom: '2026-11-17T21:30:00.000Z',
      },
    ],
    [
      'namedB',
      {
        description:
          'A teenage girl in a red jacket was sitting alone near the turnstiles, she seemed upset.',
        language: 'en',
        appeal: appeals[0],
        place: 'Berri UQAM station',
        occurredFrom: '2026-11-17T21:45:00.000Z',
      },
    ],
    [
      'namedOtherDay',
      {
        description: 'Une jeune fille en manteau rouge attendait le métro, elle avait l’air seule.',
        appeal: appeals[0],
        place: 'Métro Berri-UQAM',
        occurredFrom: '2026-11-19T21:30:00.000Z',
      },
    ],
    // Places alike in their words but not the same place (issue 18, point 5): one chain in two
    // cities, one street name in two municipalities; and one station named in two languages.
    [
      'chainLongueuil',
      {
        description:
          'Au Tim Hortons, un homme a menacé la caissière avec un couteau puis il est reparti à pied.',
        appeal: appeals[1],
        place: 'Tim Hortons, Longueuil',
        occurredFrom: '2026-11-16T03:15:00.000Z',
      },
    ],
    [
      'chainLaval',
      {
        description: 'At the Tim Hortons a man shouted at the cashier and threw his coffee, then drove off.',
        language: 'en',
        appeal: appeals[1],
        place: 'Tim Hortons, Laval',
        occurredFrom: '2026-11-16T03:20:00.000Z',
      },
    ],
    [
      'chainLongueuilAgain',
      {
        description: 'Man with a knife at the counter, he walked out toward the boulevard.',
        language: 'en',
        appeal: appeals[1],
        place: 'Tim Hortons on Taschereau (Longueuil)',
        occurredFrom: '2026-11-16T03:20:00.000Z',
      },
    ],
    [
      'streetRepentigny',
      {
        description: 'Sur la rue Notre-Dame, un VUS noir a frappé un cycliste et a pris la fuite vers l’est.',
        appeal: appeals[1],
        place: 'rue Notre-Dame, Repentigny',
        occurredFrom: '2026-11-15T22:40:00.000Z',
      },
    ],
    [
      'streetMontreal',
      {
        description: 'Black SUV hit a cyclist on Notre-Dame and kept going east, the cyclist was sitting up.',
        language: 'en',
        appeal: appeals[1],
        place: 'Notre-Dame St, Montreal',
        occurredFrom: '2026-11-15T22:45:00.000Z',
      },
    ],
    [
      'stationFrench',
      {
        description: 'Une jeune fille demandait de l’argent pour un billet de train près des comptoirs.',
        appeal: appeals[0],
        place: 'gare Centrale',
        occurredFrom: '2026-11-14T21:00:00.000Z',
      },
    ],
    [
      'stationEnglish',
      {
        description: 'A teenager was asking people for money for a train ticket by the ticket counters.',
        language: 'en',
        appeal: appeals[0],
        place: 'Central Station',
        occurredFrom: '2026-11-14T21:10:00.000Z',
      },
    ],
    [
      'exitFrench',
      {
        description: 'Un homme maigre faisait le plein d’une camionnette blanche et regardait partout.',
        appeal: appeals[0],
        place: 'Ultramar, A-20 sortie 130',
        occurredFrom: '2026-11-11T19:00:00.000Z',
      },
    ],
    [
      'exitEnglish',
      {
        description: 'A skinny guy filling up a white pickup kept looking over his shoulder at the pumps.',
        language: 'en',
        appeal: appeals[0],
        place: 'Ultramar off Highway 20 exit 130',
        occurredFrom: '2026-11-11T19:05:00.000Z',
      },
    ],
    [
      'exitOtherHighway',
      {
        description: 'Un homme mince avec une camionnette blanche au dépanneur de la station-service.',
        appeal: appeals[0],
        place: 'Ultramar, autoroute 40 sortie 130',
        occurredFrom: '2026-11-11T19:02:00.000Z',
      },
    ],
    [
      'streetFrench',
      {
        description: 'Une adolescente quêtait devant le magasin, elle avait froid.',
        appeal: appeals[0],
        place: 'rue Sainte-Catherine Ouest, coin Peel',
        occurredFrom: '2026-11-13T20:30:00.000Z',
      },
    ],
    [
      'streetEnglish',
      {
        description: 'A young girl was panhandling outside the department store, looked scared.',
        language: 'en',
        appeal: appeals[0],
        place: 'Ste-Catherine St W & Peel',
        occurredFrom: '2026-11-13T20:35:00.000Z',
      },
    ],
    // What tells places alike apart (issue 18, point 5): a street's name in a Montréal
    // neighbourhood and in another municipality; a rue in Québec and a boulevard of that name in
    // Pointe-Claire; a rue and a boulevard of one name, no municipality typed; and what still
    // matches: one corner typed in two languages, one street a few doors apart.
    [
      'notreDameStHenri',
      {
        description: 'Deux gars ont cassé la vitrine du dépanneur et sont partis dans une camionnette grise.',
        appeal: appeals[1],
        place: 'rue Notre-Dame Ouest, Saint-Henri',
        occurredFrom: '2026-11-10T03:15:00.000Z',
      },
    ],
    [
      'notreDameRepentigny',
      {
        description: 'Vitrine fracassée au magasin, deux individus repartis dans une van grise, très vite.',
        appeal: appeals[1],
        place: 'rue Notre-Dame, Repentigny',
        occurredFrom: '2026-11-10T03:20:00.000Z',
      },
    ],
    [
      'stJeanQuebec',
      {
        description: 'Une adolescente en manteau vert marchait seule avec un sac gris sur la rue.',
        appeal: appeals[0],
        place: 'rue Saint-Jean, Vieux-Québec',
        occurredFrom: '2026-11-09T19:00:00.000Z',
      },
    ],
    [
      'stJeanPointeClaire',
      {
        description:
          'Teen in a green coat with a grey backpack walking alone, looked like the girl on the news.',
        language: 'en',
        appeal: appeals[0],
        place: 'boul. St-Jean, Pointe-Claire',
        occurredFrom: '2026-11-09T19:10:00.000Z',
      },
    ],
    [
      'stJeanRue',
      {
        description: 'Un homme barbu criait après les passants devant la pharmacie, il semblait ivre.',
        appeal: appeals[1],
        place: 'rue Saint-Jean',
        occurredFrom: '2026-11-08T19:00:00.000Z',
      },
    ],
    [
      'stJeanBoulevard',
      {
        description: 'Bearded guy yelling at people outside the drugstore, he looked drunk to me.',
        language: 'en',
        appeal: appeals[1],
        place: 'boul. Saint-Jean',
        occurredFrom: '2026-11-08T19:05:00.000Z',
      },
    ],
    [
      'cornerFrench',
      {
        description:
          'Une fille aux cheveux bleus attendait au feu de circulation avec une valise à roulettes.',
        appeal: appeals[0],
        place: 'coin Ontario et Frontenac',
        occurredFrom: '2026-11-07T23:00:00.000Z',
      },
    ],
    [
      'cornerEnglish',
      {
        description: 'Girl with blue hair waiting at the traffic light, pulling a rolling suitcase.',
        language: 'en',
        appeal: appeals[0],
        place: 'Ontario St E & Frontenac',
        occurredFrom: '2026-11-07T23:10:00.000Z',
      },
    ],
    [
      'doorFrench',
      {
        description: 'Un homme avec une cicatrice est entré dans l’immeuble, il avait un sac de sport.',
        appeal: appeals[1],
        place: '1234 rue Ontario Est, Montréal',
        occurredFrom: '2026-11-06T22:00:00.000Z',
      },
    ],
    [
      'doorEnglish',
      {
        description: 'Man with a scar went into the building next door carrying a gym bag.',
        language: 'en',
        appeal: appeals[1],
        place: '1240 Ontario St E, Montreal',
        occurredFrom: '2026-11-06T22:05:00.000Z',
      },
    ],
    // Place and time in words: no time in the form, the clock written in the description (read in
    // the agency's zone, on the day the tip arrived); and the same place and clock "yesterday".
    [
      'clockA',
      {
        description: `Vers ${clockAgo(120).fr}, une adolescente avec un sac à dos bleu marchait seule près de l’étang.`,
        appeal: appeals[0],
        place: 'Parc La Fontaine',
      },
    ],
    [
      'clockB',
      {
        description: `At about ${clockAgo(110).en}, I saw a teenager with a blue backpack walking alone by the pond in La Fontaine park.`,
        language: 'en',
        appeal: appeals[0],
      },
    ],
    [
      'clockYesterday',
      {
        description: `Hier vers ${clockAgo(120).fr}, un jeune homme promenait un gros chien près du chalet.`,
        appeal: appeals[0],
        place: 'Parc La Fontaine',
      },
    ],
    // Contact: the same person twice about one appeal; and about another appeal.
    [
      'contactFirst',
      { description: 'Je crois l’avoir vu au parc Jarry.', appeal: appeals[0], contactPhone: '514 555 0142' },
    ],
    [
      'contactAgain',
      {
        description: 'J’ajoute : il portait une casquette rouge.',
        appeal: appeals[0],
        contactPhone: '+1 (514) 555-0142',
      },
    ],
    [
      'contactOtherAppeal',
      {
        description: 'Autre chose : une voiture suspecte rue Saint-Denis.',
        appeal: appeals[1],
        contactPhone: '5145550142',
      },
    ],
  ];
  for (const [name, fields, photos] of tips) ids[name] = await sendTip(t, fields, photos);
  // Half past midnight in Montréal: "vers 23 h 40" and "hier vers 23 h 50" are the same evening.
  t.app.get(Clock).set(JUST_AFTER_MIDNIGHT);
  ids.lateEvening = await sendTip(t, {
    description: 'Vers 23 h 40, deux hommes forçaient la porte du dépanneur.',
    appeal: appeals[1],
    place: 'Dépanneur de la rue Beaubien',
  });
  ids.lateYesterday = await sendTip(t, {
    description: 'Hier vers 23 h 50, un camion blanc attendait moteur en marche.',
    appeal: appeals[1],
    place: 'dépanneur rue Beaubien',
  });
  await settle(t);
}, 60_000);
afterAll(() => t.close());

const reasonsOf = async (a: string, b: string) =>
  (await suggestion(investigator, ids[a], ids[b]))?.reasons.map((r) => r.text);

describe('exact media', () => {
  it('finds the same file sent twice', async () => {
    expect(await reasonsOf('exactA', 'exactB')).toEqual(['same file, byte for byte']);
  });

  it('does not take another photo of the same kind of street for it', async () => {
    expect(await suggestion(investigator, ids.exactA, ids.photoNegative)).toBeUndefined();
  });
});

describe('near-duplicate media (perceptual hash)', () => {
  it('finds the photo inside a screenshot that has a status bar (its own hash is unrelated)', async () => {
    const s = await suggestion(investigator, ids.exactA, ids.nearScreenshotWithStatusBar);
    expect(s?.reasons[0].text).toMatch(/^same photo, in a screenshot: \d+ bits? apart$/);
    const { rows } = await t.db.query(
      `SELECT m.phash, b.hash_no FROM tip_media m LEFT JOIN media_hash_band b ON b.media_id = m.id AND b.band = 0
        WHERE m.tip_id = ANY($1) ORDER BY m.tip_id = $2, b.hash_no`,
      [[ids.exactA, ids.nearScreenshotWithStatusBar], ids.nearScreenshotWithStatusBar],
    );
    const [original, screen] = [rows[0].phash, rows[1].phash];
    expect(hammingDistance(original, screen)).toBeGreaterThan(16);
    expect(rows.map((r) => r.hash_no)).toEqual([0, 0, 1]);
  });

  it.each(['nearRecompressed', 'nearCropped', 'nearScreenshot'])('finds the photo %s', async (name) => {
    const s = await suggestion(investigator, ids.exactA, ids[name]);
    expect(s?.reasons[0]).toMatchObject({ signal: 'NEAR_MEDIA' });
    expect(s?.reasons[0].text).toMatch(/^same photo, (re-encoded|cropped or edited): \d+ bits? apart$/);
    expect(s!.reasons[0].bits).toBeLessThanOrEqual(10);
  });

  it('does not match a different photo of a similar scene', async () => {
    const stored = await t.db.query(
      `SELECT count(*)::int AS n FROM duplicate_suggestion WHERE $1 IN (tip_a, tip_b)`,
      [ids.photoNegative],
    );
    expect(stored.rows[0].n).toBe(0);
  });
});

describe('text', () => {
  it('finds the same message sent again with small edits', async () => {
    const s = await suggestion(investigator, ids.textFirst, ids.textResent);
    expect(s?.reasons[0]).toMatchObject({ signal: 'TEXT' });
    expect(s!.reasons[0].similarity).toBeGreaterThan(0.6);
    expect(s!.reasons[0].text).toMatch(/^text 0\.\d\d similar$/);
  });

  it('does not suggest the same phrasing about another event', async () => {
    expect(await suggestion(investigator, ids.textFirst, ids.textNegative)).toBeUndefined();
  });
});

describe('place and time', () => {
  it('puts two witnesses of one sighting together, with the distance and the delay', async () => {
    const reasons = await reasonsOf('placeA', 'placeB');
    expect(reasons).toContain('140 m and 12 min apart');
  });

  it('ignores the same corner the next day, and the same minute 2 km away', async () => {
    expect(await suggestion(investigator, ids.placeA, ids.placeNextDay)).toBeUndefined();
    expect(await suggestion(investigator, ids.placeA, ids.placeFar)).toBeUndefined();
  });
});

describe('place and time, by the places typed', () => {
  it('puts together two tips naming the same place in other words, 15 min apart', async () => {
    const reasons = await reasonsOf('namedA', 'namedB');
    expect(reasons?.[0]).toBe('place named alike (1.00), 15 min apart');
  });

  it('ignores the same place named two days later', async () => {
    expect(await suggestion(investigator, ids.namedA, ids.namedOtherDay)).toBeUndefined();
  });

  it('reads the time written in the description when the form has none, in French and English', async () => {
    const reasons = await reasonsOf('clockA', 'clockB');
    expect(reasons?.[0]).toMatch(/^place named alike \(1\.00\), 10 min apart$/);
  });

  it('takes "hier" to be the day before', async () => {
    expect(await suggestion(investigator, ids.clockA, ids.clockYesterday)).toBeUndefined();
  });

  it('reads a clock just after midnight as the evening before, as "hier" is', async () => {
    expect(await reasonsOf('lateEvening', 'lateYesterday')).toContain(
      'place named alike (1.00; same street beaubien), 10 min apart',
    );
  });
});

describe('place and time, by what distinguishes places', () => {
  it('does not put together the same chain in two cities, or one street name in two municipalities', async () => {
    expect(await suggestion(investigator, ids.chainLongueuil, ids.chainLaval)).toBeUndefined();
    expect(await suggestion(investigator, ids.streetRepentigny, ids.streetMontreal)).toBeUndefined();
  });

  it('puts together one place written two ways, saying what agreed', async () => {
    expect(await reasonsOf('chainLongueuil', 'chainLongueuilAgain')).toContain(
      'place named alike (1.00; same municipality longueuil), 5 min apart',
    );
  });

  it('puts together one street written in French and in English, whose words share little', async () => {
    expect(await reasonsOf('streetFrench', 'streetEnglish')).toContain(
      'place named alike (0.90; same street st catherine), 5 min apart',
    );
  });

  it('puts together one highway exit named in two languages, not the same exit number of another highway', async () => {
    expect(await reasonsOf('exitFrench', 'exitEnglish')).toContain(
      'place named alike (1.00; same highway 20, exit 130), 5 min apart',
    );
    expect(await suggestion(investigator, ids.exitFrench, ids.exitOtherHighway)).toBeUndefined();
    expect(await suggestion(investigator, ids.exitEnglish, ids.exitOtherHighway)).toBeUndefined();
  });

  it('puts together one station named in two languages', async () => {
    const reasons = await reasonsOf('stationFrench', 'stationEnglish');
    expect(reasons?.[0]).toMatch(/^place named alike \(0\.\d\d\), 10 min apart$/);
  });
});

describe('place and time, alike but not the same place (issue 18, point 5)', () => {
  it('does not put together one street name in a Montréal neighbourhood and in another municipality', async () => {
    expect(await suggestion(investigator, ids.notreDameStHenri, ids.notreDameRepentigny)).toBeUndefined();
  });

  it('does not put together a rue in Québec and a boulevard of that name in Pointe-Claire', async () => {
    expect(await suggestion(investigator, ids.stJeanQuebec, ids.stJeanPointeClaire)).toBeUndefined();
  });

  it('counts a rue and a boulevard of one name as barely alike, and says so', async () => {
    expect(await suggestion(investigator, ids.stJeanRue, ids.stJeanBoulevard)).toBeUndefined();
    const { rows } = await t.db.query(
      `SELECT suggested, reasons FROM duplicate_suggestion
        WHERE (tip_a = $1 AND tip_b = $2) OR (tip_a = $2 AND tip_b = $1)`,
      [ids.stJeanRue, ids.stJeanBoulevard],
    );
    expect(rows.length).toBeGreaterThan(0);
    // Which tip is named first depends on which was scored last.
    const weakened = [
      'place named alike (0.50; not the same kind of street: rue st jean / boulevard st jean), 5 min apart',
      'place named alike (0.50; not the same kind of street: boulevard st jean / rue st jean), 5 min apart',
    ];
    for (const row of rows) {
      expect(row.suggested).toBe(false);
      expect(
        row.reasons.map((r: { text: string }) => r.text).filter((x: string) => weakened.includes(x)),
      ).toHaveLength(1);
    }
  });

  it('still puts together one corner typed in French and in English', async () => {
    const reasons = await reasonsOf('cornerFrench', 'cornerEnglish');
    expect(reasons?.[0]).toMatch(/^place named alike \((0\.[5-9]\d|1\.00)\), 10 min apart$/);
  });

  it('still puts together one street in one city a few doors apart, saying what agreed', async () => {
    expect((await reasonsOf('doorFrench', 'doorEnglish'))?.[0]).toMatch(
      /^place named alike \(1\.00; same municipality montreal, street ontario, number (1234 \/ 1240|1240 \/ 1234)\), 5 min apart$/,
    );
  });
});

describe('same contact', () => {
  it('finds the same phone number written differently, never showing it', async () => {
    const s = await suggestion(investigator, ids.contactFirst, ids.contactAgain);
    expect(s?.reasons.map((r) => r.text)).toEqual(['same phone number']);
    expect(JSON.stringify(s)).not.toContain('555');
  });

  it('does not suggest a tip about another appeal on the phone number alone', async () => {
    expect(await suggestion(investigator, ids.contactFirst, ids.contactOtherAppeal)).toBeUndefined();
  });
});

describe('the duplicates panel', () => {
  it('ranks suggestions best first, each with what the desk shows side by side', async () => {
    const list = await duplicatesOf(investigator, ids.exactA);
    expect(list.map((s) => s.tip.id)).toEqual(
      expect.arrayContaining([
        ids.exactB,
        ids.nearRecompressed,
        ids.nearCropped,
        ids.nearScreenshot,
        ids.nearScreenshotWithStatusBar,
      ]),
    );
    expect(list[0].tip.id).toBe(ids.exactB);
    const scores = list.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(list[0].tip).toMatchObject({
      code: expect.stringMatching(/^\w{4}-\w{4}$/),
      excerpt: 'Saw this picture in a group chat.',
    });
    expect(list[0].tip.media[0].renditions.map((r) => r.name)).toContain('thumb');
  });

  it('scores a tip again when it is processed again, with the same result', async () => {
    const before = await t.db.query(`SELECT * FROM duplicate_suggestion ORDER BY tip_a, tip_b`);
    const job = t.app.get(DedupeScoreJob);
    await job.score(ids.exactA);
    await job.score(ids.placeB);
    const after = await t.db.query(`SELECT * FROM duplicate_suggestion ORDER BY tip_a, tip_b`);
    expect(after.rows).toEqual(before.rows);
  });
});
