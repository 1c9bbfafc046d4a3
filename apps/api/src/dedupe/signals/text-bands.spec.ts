import { textBands, trigramsOf } from './text-bands';

const shared = (a: string, b: string) => {
  const [x, y] = [textBands(a), textBands(b)];
  return x.filter((v, i) => v === y[i]).length;
};

describe('text bands (MinHash LSH)', () => {
  it('extracts the trigrams pg_trgm does', () => {
    // SELECT show_trgm('cat, Dog') → {"  c","  d"," ca"," do","at ",cat,"dog","og "}
    expect([...trigramsOf('cat, dog')].sort()).toEqual(
      ['  c', '  d', ' ca', ' do', 'at ', 'cat', 'dog', 'og '].sort(),
    );
  });

  it('keeps accented letters and never joins two words in a trigram', () => {
    expect([...trigramsOf('é à')].sort()).toEqual(['  à', '  é', ' à ', ' é '].sort());
  });

  it('is stable: the same text gives the same bands', () => {
    expect(textBands('un camion blanc sans plaque')).toEqual(textBands('un camion blanc sans plaque'));
  });

  it('makes a message typed again share bands, and unrelated texts share none', () => {
    const first =
      'hier soir vers 22 h, un camion blanc sans plaque arriere stationnait derriere l’entrepot de la rue chabanel, deux hommes chargeaient des boites de televiseurs.';
    const again =
      'hier soir vers 22h un camion blanc, sans plaque arriere, etait stationne derriere l’entrepot rue chabanel. deux hommes y chargeaient des boites de televiseurs!';
    const other =
      'ce matin vers 7 h, une fourgonnette grise avec une plaque de l’ontario stationnait devant l’epicerie de la rue beaubien, une femme dechargeait des caisses de fruits.';
    expect(shared(first, again)).toBeGreaterThan(0);
    expect(shared(first, other)).toBe(0);
  });
});
