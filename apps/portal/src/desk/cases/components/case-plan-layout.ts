import type { CasePlace } from '../api/cases.api';

const WIDTH = 400;
const HEIGHT = 280;
/** Room around the points; more on the right, where each point's tip code is written. */
const MARGIN = { left: 24, right: 104, top: 40, bottom: 52 };
/** Metres in a degree of latitude, and of longitude at the equator (WGS 84, rounded). */
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320;
/** Points closer than this are still drawn over a plan this wide, so that one place is not a dot. */
const MIN_SPAN_M = 200;

export interface Plan {
  width: number;
  height: number;
  points: (CasePlace & { x: number; y: number })[];
  /** A round distance (1, 2 or 5 × 10ⁿ metres) and its length in plan units. */
  scale: { metres: number; px: number; label: string };
}

/**
 * Places on a flat plan, north up: each position's offset in metres from the group's middle
 * (an equirectangular projection around it: exact enough over the few kilometres a case spans),
 * scaled into the plan with the same scale on both axes, so that distances and directions read true.
 */
export function planOf(places: CasePlace[]): Plan {
  const lat0 = (Math.min(...places.map((p) => p.latitude)) + Math.max(...places.map((p) => p.latitude))) / 2;
  const lng0 =
    (Math.min(...places.map((p) => p.longitude)) + Math.max(...places.map((p) => p.longitude))) / 2;
  const cos = Math.cos((lat0 * Math.PI) / 180);
  const metres = places.map((p) => ({
    east: (p.longitude - lng0) * M_PER_DEG_LNG * cos,
    north: (p.latitude - lat0) * M_PER_DEG_LAT,
  }));
  const spanX = Math.max(MIN_SPAN_M, ...metres.map((m) => Math.abs(m.east) * 2));
  const spanY = Math.max(MIN_SPAN_M, ...metres.map((m) => Math.abs(m.north) * 2));
  // Plan units per metre: the tighter of the two axes, so everything fits.
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const k = Math.min(innerWidth / spanX, innerHeight / spanY);
  const points = places.map((place, i) => ({
    ...place,
    x: round(MARGIN.left + innerWidth / 2 + metres[i].east * k),
    y: round(MARGIN.top + innerHeight / 2 - metres[i].north * k),
  }));
  return { width: WIDTH, height: HEIGHT, points, scale: scaleBar(k, WIDTH / 4) };
}

/** The largest round distance whose bar is at most `maxPx` long. */
export function scaleBar(pxPerMetre: number, maxPx: number): Plan['scale'] {
  const target = maxPx / pxPerMetre;
  const power = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= target) ?? power;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, px: round(metres * pxPerMetre), label };
}

const round = (value: number) => Math.round(value * 10) / 10;
