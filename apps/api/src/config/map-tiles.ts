/**
 * The tile server an administrator may configure for the desk's case map (`MAP_TILES_URL`). Without
 * one, no page asks any other server for tiles: the case map draws the tips' positions on a plain
 * plan. With one, its origin (and only that) is added to the Content-Security-Policy's img-src.
 */
export interface MapTiles {
  /** A Leaflet URL template: `https://tiles.example.org/{z}/{x}/{y}.png`, `{s}` for subdomains. */
  url: string;
  /** The CSP source that lets browsers load those tiles: `https://tiles.example.org`, or `https://*.example.org` with `{s}`. */
  cspSource: string;
}

const PLACEHOLDERS = new Set(['{z}', '{x}', '{y}', '{s}', '{r}']);

/** The configured template, checked; a string saying what is wrong otherwise. */
export function parseMapTilesUrl(template: string): MapTiles | string {
  for (const needed of ['{z}', '{x}', '{y}'])
    if (!template.includes(needed)) return `must contain {z}, {x} and {y} (missing ${needed})`;
  const unknown = (template.match(/\{[^}]*\}/g) ?? []).filter((p) => !PLACEHOLDERS.has(p));
  if (unknown.length) return `has placeholders Leaflet does not fill: ${unknown.join(', ')}`;
  let url: URL;
  try {
    url = new URL(template.replaceAll('{s}', 'a').replace(/\{[zxyr]\}/g, '0'));
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not carry credentials (every browser would see them)';
  const host = template.slice(template.indexOf('//') + 2).split('/')[0];
  if (host.includes('{s}') && !host.startsWith('{s}.'))
    return 'may use {s} only as the first label of the host';
  const cspHost = host.startsWith('{s}.') ? `*.${url.host.slice(2)}` : url.host;
  return { url: template, cspSource: `${url.protocol}//${cspHost}` };
}
