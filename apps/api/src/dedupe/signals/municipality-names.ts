/*
 * The municipalities tipsters name, and the boroughs and neighbourhoods they name instead, as
 * place-parts.ts reads them: normalised words (lower case, no accents, "saint"/"sainte" as "st",
 * "mont" as "st", "park" as "parc"). A fixed list for Québec and nearby Ontario: a municipality
 * missing from it does not tell two places apart.
 */

/** Municipalities tipsters name, as normalised words; the key is how a reason names it. */
const MUNICIPALITIES: Record<string, string[]> = {
  montreal: ['montreal', 'mtl'],
  laval: ['laval'],
  longueuil: ['longueuil'],
  brossard: ['brossard'],
  'saint-lambert': ['st lambert'],
  boucherville: ['boucherville'],
  terrebonne: ['terrebonne'],
  repentigny: ['repentigny'],
  mascouche: ['mascouche'],
  blainville: ['blainville'],
  boisbriand: ['boisbriand'],
  'sainte-therese': ['st therese'],
  mirabel: ['mirabel'],
  'saint-jerome': ['st jerome'],
  'saint-sauveur': ['st sauveur'],
  'saint-hyacinthe': ['st hyacinthe'],
  'saint-jean-sur-richelieu': ['st jean sur richelieu'],
  chateauguay: ['chateauguay'],
  'vaudreuil-dorion': ['vaudreuil dorion', 'vaudreuil'],
  dorval: ['dorval'],
  'pointe-claire': ['pointe claire'],
  westmount: ['westmount'],
  granby: ['granby'],
  sherbrooke: ['sherbrooke'],
  drummondville: ['drummondville'],
  'trois-rivieres': ['trois rivieres', 'three rivers'],
  quebec: ['quebec city', 'ville de quebec', 'quebec'],
  levis: ['levis'],
  saguenay: ['saguenay', 'chicoutimi'],
  rimouski: ['rimouski'],
  cowansville: ['cowansville'],
  magog: ['magog'],
  victoriaville: ['victoriaville'],
  shawinigan: ['shawinigan'],
  'saint-eustache': ['st eustache'],
  chambly: ['chambly'],
  beloeil: ['beloeil'],
  'sorel-tracy': ['sorel tracy', 'sorel'],
  'salaberry-de-valleyfield': ['salaberry valleyfield', 'valleyfield'],
  'saint-bruno-de-montarville': ['st bruno montarville', 'st bruno'],
  joliette: ['joliette'],
  gatineau: ['gatineau'],
  ottawa: ['ottawa'],
  kingston: ['kingston'],
  cornwall: ['cornwall'],
  toronto: ['toronto'],
  mississauga: ['mississauga'],
  hamilton: ['hamilton'],
};

/**
 * Boroughs and neighbourhoods tipsters name instead of their municipality ("rue Notre-Dame Ouest,
 * Saint-Henri" is in Montréal, "rue Saint-Jean, Vieux-Québec" in Québec): each counts as its
 * municipality, and only the municipality is compared, since where one neighbourhood ends and the
 * next begins is for tipsters to disagree on. Names shared by two municipalities or their
 * neighbourhoods are left out: Saint-Hubert, Saint-Sauveur, Mercier (a town in Montérégie), the
 * Plateau alone (Gatineau has one; "Plateau-Mont-Royal" stays), Little Italy (Ottawa), the Quartier
 * latin (Québec).
 */
const NEIGHBOURHOODS: Record<string, string[]> = {
  montreal: [
    'vieux montreal',
    'old montreal',
    'montreal nord',
    'st henri',
    'petite bourgogne',
    'little burgundy',
    'griffintown',
    'pointe st charles',
    'verdun',
    'lasalle',
    'lachine',
    'plateau st royal',
    'mile end',
    'petite patrie',
    'rosemont',
    'hochelaga maisonneuve',
    'hochelaga',
    'homa',
    'villeray',
    'parc extension',
    'parc ex',
    'ahuntsic',
    'cartierville',
    'cote des neiges',
    'notre dame de grace',
    'ndg',
    'centre sud',
    'outremont',
    'anjou',
    'riviere des prairies',
    'pointe aux trembles',
    'st leonard',
  ],
  quebec: [
    'vieux quebec',
    'old quebec',
    'limoilou',
    'st roch',
    'st foy',
    'sillery',
    'charlesbourg',
    'beauport',
  ],
  laval: ['chomedey', 'vimont', 'fabreville', 'duvernay', 'pont viau', 'laval des rapides', 'st rose'],
  longueuil: ['vieux longueuil', 'greenfield park'],
  gatineau: ['hull', 'aylmer'],
};

/** Every name of each municipality, its neighbourhoods' first (the longer names: "montreal nord"). */
export const MUNICIPALITY_NAMES: [key: string, variants: string[]][] = Object.entries(MUNICIPALITIES).map(
  ([key, variants]) => [key, [...(NEIGHBOURHOODS[key] ?? []), ...variants]],
);

/**
 * Names that are also streets or stations ("rue Sherbrooke", "boulevard de Laval", "Grande Allée,
 * Québec", "boulevard Rosemont", "métro Verdun"): in running text they count as a municipality only
 * after "à", "in", "dans"…; in a typed place, also alone between commas.
 */
export const ALSO_STREETS = new Set([
  'sherbrooke',
  'laval',
  'quebec',
  'ontario',
  'ottawa',
  'kingston',
  'granby',
  'st henri',
  'verdun',
  'lasalle',
  'lachine',
  'rosemont',
  'hochelaga',
  'villeray',
  'ahuntsic',
  'cartierville',
  'cote des neiges',
  'notre dame de grace',
  'outremont',
  'anjou',
  'riviere des prairies',
  'st leonard',
  'st roch',
  'st foy',
  'beauport',
  'chomedey',
  'duvernay',
  'st rose',
  'hull',
  'aylmer',
]);
