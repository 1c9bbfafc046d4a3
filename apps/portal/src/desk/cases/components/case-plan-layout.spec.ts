import { describe, expect, it } from 'vitest';
import { planOf, scaleBar } from './case-plan-layout';

const place = (code: string, latitude: number, longitude: number) => ({
  tipId: code,
  code,
  latitude,
  longitude,
  when: '2026-11-20T00:00:00Z',
});

describe('the case plan', () => {
  it('keeps distances true: 1 km east and 1 km north are the same length on the plan', () => {
    // At 45.5° N a degree of longitude is about 78 km, of latitude 111 km.
    const plan = planOf([
      place('A', 45.5, -73.6),
      place('E', 45.5, -73.6 + 1000 / (111_320 * Math.cos((45.5045 * Math.PI) / 180))),
      place('N', 45.5 + 1000 / 110_574, -73.6),
    ]);
    const [a, e, n] = plan.points;
    expect(e.y).toBeCloseTo(a.y, 0);
    expect(n.x).toBeCloseTo(a.x, 0);
    expect(e.x - a.x).toBeCloseTo(a.y - n.y, 0); // north is up
    const pxPerKm = e.x - a.x;
    expect(plan.scale.px / plan.scale.metres).toBeCloseTo(pxPerKm / 1000, 2);
    for (const p of plan.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(plan.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(plan.height);
    }
  });

  it('draws a single place in the middle of a plan a couple of hundred metres wide', () => {
    const plan = planOf([place('A', 45.5, -73.6)]);
    const two = planOf([place('A', 45.5, -73.6), place('B', 45.5, -73.6)]);
    expect(two.points[0]).toEqual({ ...two.points[1], tipId: 'A', code: 'A' });
    expect(plan.points[0].x).toBeGreaterThan(plan.width / 4);
    expect(plan.points[0].x).toBeLessThan(plan.width / 2);
    expect(plan.points[0].y).toBeGreaterThan(plan.height / 4);
    expect(plan.scale.label).toMatch(/^\d+ m$/);
  });

  it('picks a round scale: 1, 2 or 5 times a power of ten', () => {
    expect(scaleBar(0.1, 160)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(scaleBar(1, 160)).toEqual({ metres: 100, px: 100, label: '100 m' });
    expect(scaleBar(0.01, 160)).toEqual({ metres: 10000, px: 100, label: '10 km' });
    expect(scaleBar(0.5, 160).label).toBe('200 m');
  });
});
