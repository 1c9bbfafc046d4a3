/**
 * Common given names in Québec and the rest of Canada (French and English, born from the 1950s to
 * the 2010s), folded (lower case, no accents). After words that only sometimes introduce a person
 * ("c'est", "it's", "is"), a name is read only when it starts with one of these: "c'est Kevin
 * Bouchard" is a person, "c'est Place Versailles" and "it's Highway Forty" are not. A name
 * missing from the list is simply not read after those words (it still is after "il s'appelle",
 * "his name is"): the list trades recall for never taking a place or a brand for a person.
 */
const NAMES = `
aaron adam adele adrien alain alex alexandra alexandre alexis alice alicia alison amanda amelie amy
andre andree andrea andrew angela angelique anne annie anthony antoine ariane arnaud audrey aurelie
ben benjamin benoit bernard bianca bob brandon brenda brian brigitte bruno caroline carl carole
catherine cedric celine chantal charles charlie charlotte chloe chris christian christina christine
christopher claire claude claudia claudine clement colin daniel daniele danielle danny dany david
dean denis denise derek diane dominic dominique donald donna dylan eddy edith edouard eli eliane
elisabeth elise elizabeth ellen emile emilie emily emma emmanuel eric erica erik etienne eve evelyne
felix fernand florence france francine francis francois francoise frank frederic frederique gabriel
gabrielle gaetan gary genevieve george georges gerald gerard ghislain gilbert gilles ginette gisele
guillaume guy helene henri hugo isabelle jack jacob jacques james jamie jane jasmin jason jean
jean-claude jean-francois jean-guy jean-luc jean-marc jean-philippe jean-pierre jean-sebastien jeff
jeffrey jennifer jeremy jerome jessica jessy jim jimmy joanie jocelyn jocelyne joe joel joelle john
johanne johnny jonathan jordan jose joseph josee josh joshua josiane jules julia julie julien justin
karine karen kate katherine kathleen katie kayla keith kelly ken kenny kevin kim kimberly kyle
laura laurence laurent lea leo leon line linda lisa liam logan louis louise luc lucas lucie lucien
ludovic luke lyne lynda lynn madeleine maeva maggie manon marc marc-andre marc-antoine marcel marco
marcus maria marianne marie marie-eve marie-claude marie-josee marie-pier marilyn mario marion mark
martin martine mary mathieu mathis matt matthew maude maurice max maxime megan melanie melissa
michael michel micheline michelle mike mikael monique nadia nadine natalie nathalie nathan nicolas
nicole noah noemie normand olivia olivier pascal pascale patrick patricia paul paule pauline peter
philippe pierre pierre-luc rachel raphael raymond real rebecca rejean remi renee richard rick robert
roger roland ronald rose ryan sabrina sam samantha samuel sandra sarah sebastien serge sylvain
sylvie simon simone sophie stephane stephanie steve steven susan suzanne sylvia tania thierry thomas
tim timothy tina tom tommy tony valerie vanessa veronique victor victoria vincent virginie william
xavier yan yannick yves yvon yvonne zachary zoe
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

/**
 * Places and businesses that bear a person's name ("Tim Hortons", "Jean Coutu", the metro's
 * "Lionel-Groulx" written with a space): after "c'est" or "it's" they are places, not people.
 */
export const NAMED_AFTER_PEOPLE: ReadonlySet<string> = new Set([
  'tim hortons',
  'jean coutu',
  'jean talon',
  'lionel groulx',
  'georges vanier',
  'henri bourassa',
  'jean drapeau',
  'pierre elliott trudeau',
  'charles de gaulle',
  'louis riel',
  'jacques cartier',
  'marie victorin',
  'charles lemoyne',
  'pierre boucher',
  'honore mercier',
  'jean lesage',
  'rene levesque',
  'robert bourassa',
  'victoria station',
]);
