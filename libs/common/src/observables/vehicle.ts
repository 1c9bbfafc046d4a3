import { adjacent, wordTokens, type WordToken } from './words';

/**
 * Vehicle descriptions: make, model and colour, one form in French and English ("une Honda Civic
 * grise" and "a grey Honda Civic" are both "honda civic grey"). A make alone is not a description
 * worth following ("une Honda"): a model or a colour must come with it.
 */
const MAKES: Record<string, readonly string[]> = {
  acura: ['acura'],
  audi: ['audi'],
  bmw: ['bmw'],
  buick: ['buick'],
  cadillac: ['cadillac'],
  chevrolet: ['chevrolet', 'chevy'],
  chrysler: ['chrysler'],
  dodge: ['dodge'],
  fiat: ['fiat'],
  ford: ['ford'],
  gmc: ['gmc'],
  honda: ['honda'],
  hyundai: ['hyundai'],
  infiniti: ['infiniti'],
  jeep: ['jeep'],
  kia: ['kia'],
  lexus: ['lexus'],
  mazda: ['mazda'],
  mercedes: ['mercedes', 'mercedes-benz'],
  mitsubishi: ['mitsubishi'],
  nissan: ['nissan'],
  pontiac: ['pontiac'],
  porsche: ['porsche'],
  ram: ['ram'],
  subaru: ['subaru'],
  tesla: ['tesla'],
  toyota: ['toyota'],
  volkswagen: ['volkswagen', 'vw'],
  volvo: ['volvo'],
};
/** Makes that are also ordinary words or names ("ram", "Ford"): they count only with a known model. */
const AMBIGUOUS = new Set(['ram', 'ford', 'dodge', 'fiat']);
const MODELS: Record<string, readonly string[]> = {
  acura: ['mdx', 'rdx', 'tlx', 'ilx', 'integra'],
  audi: ['a3', 'a4', 'a5', 'a6', 'q3', 'q5', 'q7'],
  bmw: ['x1', 'x3', 'x5', '320i', '330i', 'm3'],
  chevrolet: [
    'silverado',
    'malibu',
    'cruze',
    'equinox',
    'tahoe',
    'impala',
    'camaro',
    'spark',
    'trax',
    'colorado',
  ],
  dodge: ['caravan', 'charger', 'challenger', 'durango', 'journey', 'ram'],
  ford: ['f-150', 'f150', 'escape', 'explorer', 'focus', 'fusion', 'mustang', 'ranger', 'edge', 'transit'],
  gmc: ['sierra', 'acadia', 'terrain', 'yukon', 'savana'],
  honda: ['civic', 'accord', 'cr-v', 'crv', 'hr-v', 'hrv', 'odyssey', 'pilot', 'fit'],
  hyundai: ['elantra', 'sonata', 'tucson', 'santa', 'kona', 'accent', 'veloster'],
  jeep: ['wrangler', 'cherokee', 'compass', 'renegade', 'gladiator'],
  kia: ['soul', 'forte', 'sorento', 'sportage', 'rio', 'seltos', 'telluride'],
  mazda: ['mazda3', 'mazda6', 'cx-5', 'cx5', 'cx-30', 'cx-3', 'mx-5', '3', '6'],
  mercedes: ['c300', 'glc', 'gle', 'sprinter'],
  nissan: ['altima', 'sentra', 'rogue', 'versa', 'pathfinder', 'murano', 'frontier', 'micra', 'kicks'],
  ram: ['1500', '2500', 'promaster'],
  subaru: ['outback', 'forester', 'impreza', 'crosstrek', 'wrx', 'legacy'],
  tesla: ['model', 'cybertruck'],
  toyota: [
    'corolla',
    'camry',
    'rav4',
    'rav-4',
    'highlander',
    'tacoma',
    'tundra',
    'prius',
    'sienna',
    'yaris',
    'matrix',
  ],
  volkswagen: ['jetta', 'golf', 'passat', 'tiguan', 'atlas', 'beetle', 'coccinelle'],
  volvo: ['xc60', 'xc90', 'xc40', 's60'],
};
/** Colours in French (every gender and number) and English, each to one English word. */
const COLOURS: Record<string, readonly string[]> = {
  black: ['noir', 'noire', 'noirs', 'noires', 'black'],
  white: ['blanc', 'blanche', 'blancs', 'blanches', 'white'],
  grey: ['gris', 'grise', 'grises', 'grey', 'gray'],
  silver: ['argent', 'argente', 'argentee', 'silver'],
  red: ['rouge', 'rouges', 'red'],
  blue: ['bleu', 'bleue', 'bleus', 'bleues', 'blue'],
  green: ['vert', 'verte', 'verts', 'vertes', 'green'],
  yellow: ['jaune', 'jaunes', 'yellow'],
  orange: ['orange'],
  brown: ['brun', 'brune', 'bruns', 'brunes', 'brown'],
  beige: ['beige', 'beiges'],
  burgundy: ['bourgogne', 'bordeaux', 'burgundy', 'maroon'],
  purple: ['mauve', 'violet', 'violette', 'purple'],
  gold: ['dore', 'doree', 'gold'],
};

function lookup(table: Record<string, readonly string[]>): Map<string, string> {
  return new Map(Object.entries(table).flatMap(([code, words]) => words.map((w) => [w, code] as const)));
}
const MAKE_OF = lookup(MAKES);
const COLOUR_OF = lookup(COLOURS);

export interface VehicleMatch {
  value: string;
  first: number;
  last: number;
}

/** Reads the vehicle whose make is `tokens[i]`, with its model after it and its colour before (EN) or after (FR). */
export function vehicleAt(text: string, tokens: WordToken[], i: number): VehicleMatch | null {
  const make = MAKE_OF.get(tokens[i]?.folded ?? '');
  if (!make) return null;
  const near = (j: number) =>
    j >= 0 &&
    j < tokens.length &&
    (j < i ? adjacent(text, tokens[j], tokens[j + 1]) : adjacent(text, tokens[j - 1], tokens[j]))
      ? tokens[j]
      : undefined;
  let last = i;
  let model: string | undefined;
  const modelToken = near(i + 1);
  if (modelToken && MODELS[make]?.includes(modelToken.folded)) {
    model = modelToken.folded.replace(/-/g, '');
    last = i + 1;
  }
  if (AMBIGUOUS.has(make) && !model) return null;
  if (AMBIGUOUS.has(make) && !/^\p{Lu}/u.test(tokens[i].text)) return null;
  let first = i;
  let colour = COLOUR_OF.get(near(i - 1)?.folded ?? '');
  if (colour) first = i - 1;
  else {
    // French: "Civic grise", "Civic de couleur grise".
    const after = near(last + 1);
    const spelled =
      after?.folded === 'de' && near(last + 2)?.folded === 'couleur' ? near(last + 3) : undefined;
    const word = spelled ?? after;
    colour = COLOUR_OF.get(word?.folded ?? '');
    if (colour) last = tokens.indexOf(word as WordToken);
  }
  if (!model && !colour) return null;
  return { value: [make, model, colour].filter(Boolean).join(' '), first, last };
}

/** "Honda Civic grise" → "honda civic grey"; null without a known make and a model or colour. */
export function normalizeVehicle(raw: string): string | null {
  const tokens = wordTokens(raw);
  for (let i = 0; i < tokens.length; i++) {
    const match = vehicleAt(raw, tokens, i);
    if (match) return match.value;
  }
  return null;
}
