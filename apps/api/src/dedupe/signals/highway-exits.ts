/*
 * Highways and their exits, as tipsters name places on them: "A-40 sortie 73", "autoroute 20,
 * sortie 130", "Hwy 20 exit 130", "exit 73 on the 40", "sur la 40 à la sortie 73". In Québec and
 * Ontario an exit's number is its kilometre, so "sortie 73" and "exit 73" on one highway are one
 * interchange whatever the language, and exit 98 of the 40 and exit 98 of the 20 are a hundred
 * kilometres apart. No gazetteer: numbers only.
 */

export interface HighwayExit {
  /** The exit's number, and its highway's when the words say which. */
  exit: number;
  highway: number | null;
}

export interface HighwayParts {
  /** Every highway named by number ("autoroute 20", "A-40", "Hwy 401"; "la 40" only beside an exit). */
  highways: number[];
  exits: HighwayExit[];
}

// Lower case is enough: "A-40" and "a40" are highways, "à 40 mètres" ("a 40" once folded) is not.
const NAMED_HIGHWAY =
  /(?<![\p{L}\p{N}])(?:autoroutes?|aut\.?|highway|hwy|hw|a-|a(?=\d))\s*(?:no\.?\s*|n°\s*|#\s*)?(\d{1,3})(?!\d)/gu;
/** Québec's numbered routes ("route 132") have three digits; "en route 2 heures" is not one. */
const NUMBERED_ROUTE = /(?<![\p{L}\p{N}])(?:route|rte)\s*(?:no\.?\s*|n°\s*|#\s*)?(\d{3})(?!\d)/gu;
/** "la 40", "the 20": a highway only when an exit is named beside it. */
const BARE_HIGHWAY =
  /(?<![\p{L}\p{N}])(?:la|the|sur la|on the)\s+(\d{2,3})(?![\p{N}]|\s*(?:h|min|km|m|ans|years|\$)(?![\p{L}]))/gu;
const EXIT =
  /(?<![\p{L}\p{N}])(?:sortie|exit)\s*(?:no\.?\s*|n°\s*|#\s*|numéro\s*|numero\s*|number\s*)?(\d{1,3})(?!\d)/gu;

/** How close (in characters) a highway must be named to be the exit's. */
const SAME_PHRASE = 30;

interface Mention {
  number: number;
  at: number;
  end: number;
}

const mentions = (text: string, pattern: RegExp): Mention[] =>
  [...text.matchAll(pattern)].map((m) => ({ number: Number(m[1]), at: m.index, end: m.index + m[0].length }));

const gap = (a: Mention, b: Mention) => (a.end <= b.at ? b.at - a.end : a.at >= b.end ? a.at - b.end : 0);

export function highwayParts(raw: string): HighwayParts {
  const text = raw.toLowerCase();
  const exits = mentions(text, EXIT);
  const named = [...mentions(text, NAMED_HIGHWAY), ...mentions(text, NUMBERED_ROUTE)];
  const bare = mentions(text, BARE_HIGHWAY).filter(
    (h) => exits.some((e) => gap(h, e) <= SAME_PHRASE) && !named.some((n) => gap(h, n) === 0),
  );
  const highways = [...named, ...bare];
  const distinct = [...new Set(highways.map((h) => h.number))];
  const found = new Map<string, HighwayExit>();
  for (const e of exits) {
    const nearest = highways.filter((h) => gap(h, e) <= SAME_PHRASE).sort((a, b) => gap(a, e) - gap(b, e))[0];
    const highway = nearest?.number ?? (distinct.length === 1 ? distinct[0] : null);
    found.set(`${e.number} ${highway}`, { exit: e.number, highway });
  }
  return { highways: distinct.sort((a, b) => a - b), exits: [...found.values()] };
}

/** Exits this many apart on one highway are one interchange, told by two people. */
const SAME_INTERCHANGE = 1;

/**
 * What two places' highways say: the same exit (on the same highway, or one not saying which) is a
 * match; exits that differ, or one exit number on two highways, are two places; two highways with
 * no exit named, when none is common, are two places.
 */
export function compareHighways(a: HighwayParts, b: HighwayParts): { matched: string[]; differed: string[] } {
  if (a.exits.length && b.exits.length) {
    const compatible = (x: HighwayExit, y: HighwayExit) =>
      x.highway === null || y.highway === null || x.highway === y.highway;
    for (const x of a.exits)
      for (const y of b.exits)
        if (Math.abs(x.exit - y.exit) <= SAME_INTERCHANGE && compatible(x, y)) {
          const highway = x.highway ?? y.highway;
          return {
            matched: [...(highway !== null ? [`highway ${highway}`] : []), `exit ${x.exit}`],
            differed: [],
          };
        }
    const sameNumber = a.exits.find((x) => b.exits.some((y) => y.exit === x.exit));
    if (sameNumber) {
      const other = b.exits.find((y) => y.exit === sameNumber.exit)!;
      return { matched: [], differed: [`highway ${sameNumber.highway} / ${other.highway}`] };
    }
    const list = (p: HighwayParts) => p.exits.map((e) => e.exit).join(', ');
    return { matched: [], differed: [`exit ${list(a)} / ${list(b)}`] };
  }
  if (a.highways.length && b.highways.length && !a.highways.some((h) => b.highways.includes(h)))
    return { matched: [], differed: [`highway ${a.highways.join(', ')} / ${b.highways.join(', ')}`] };
  return { matched: [], differed: [] };
}

/** Whether a text names an exit by number: the cheap test before reading its parts. */
export const namesAnExit = (text: string | null | undefined): boolean =>
  Boolean(text && /(?:sortie|exit)\s*(?:no\.?\s*|n°\s*|#\s*)?\d/i.test(text));
