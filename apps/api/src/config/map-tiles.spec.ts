import { parseMapTilesUrl } from './map-tiles';

describe('parseMapTilesUrl', () => {
  it('takes a tile template and gives the one origin the CSP must allow', () => {
    expect(parseMapTilesUrl('https://tiles.sq.example/osm/{z}/{x}/{y}.png')).toEqual({
      url: 'https://tiles.sq.example/osm/{z}/{x}/{y}.png',
      cspSource: 'https://tiles.sq.example',
    });
    expect(parseMapTilesUrl('http://10.2.0.8:8080/{z}/{x}/{y}{r}.png')).toMatchObject({
      cspSource: 'http://10.2.0.8:8080',
    });
    expect(parseMapTilesUrl('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toMatchObject({
      cspSource: 'https://*.tile.example.org',
    });
  });

  it('says what is wrong with a template it cannot use', () => {
    expect(parseMapTilesUrl('https://tiles.example/{z}/{x}.png')).toMatch(/missing \{y\}/);
    expect(parseMapTilesUrl('https://tiles.example/{z}/{x}/{y}.png?key={apikey}')).toMatch(/\{apikey\}/);
    expect(parseMapTilesUrl('tiles/{z}/{x}/{y}.png')).toMatch(/not a URL/);
    expect(parseMapTilesUrl('ftp://tiles.example/{z}/{x}/{y}.png')).toMatch(/http or https/);
    expect(parseMapTilesUrl('javascript:{z}{x}{y}')).toMatch(/http or https/);
    expect(parseMapTilesUrl('https://user:pw@tiles.example/{z}/{x}/{y}.png')).toMatch(/credentials/);
    expect(parseMapTilesUrl('https://tiles.{s}.example/{z}/{x}/{y}.png')).toMatch(/first label/);
  });
});
