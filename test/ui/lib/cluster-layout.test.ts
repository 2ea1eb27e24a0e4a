import { describe, it, expect } from 'vitest';
import { clusterLayout } from '../../../src/ui/lib/cluster-layout.ts';
import { cardSizeFor, exitPoint, ringPositions } from '../../../src/ui/lib/ring-layout.ts';

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }, w: number, h: number) => Math.abs(a.x - b.x) < w && Math.abs(a.y - b.y) < h;

describe('layout', () => {
  it('places cards on a ring without overlaps, first at the top', () => {
    for (const n of [3, 5, 9]) {
      const card = cardSizeFor(n, 1000, 480);
      const ps = ringPositions(n, 1000, 480, card);
      expect(ps[0]!.x).toBeCloseTo(500);
      expect(ps[0]!.y).toBeLessThan(240);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(overlap(ps[i]!, ps[j]!, card.w, card.h)).toBe(false);
      for (const p of ps) {
        expect(p.x - card.w / 2).toBeGreaterThanOrEqual(0);
        expect(p.x + card.w / 2).toBeLessThanOrEqual(1000);
      }
    }
  });

  it('on a stage too low for a ring (the editor open), lays the cards out in a zigzag without overlaps', () => {
    for (const n of [4, 5, 9]) {
      const card = cardSizeFor(n, 1000, 230);
      const ps = ringPositions(n, 1000, 230, card);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(overlap(ps[i]!, ps[j]!, card.w, card.h)).toBe(false);
      for (const p of ps) {
        expect(p.y - card.h / 2).toBeGreaterThanOrEqual(0);
        expect(p.y + card.h / 2).toBeLessThanOrEqual(230);
      }
    }
  });

  it('on a small phone stage, falls back to a grid without overlaps', () => {
    const card = cardSizeFor(4, 400, 296);
    const ps = ringPositions(4, 400, 296, card);
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(overlap(ps[i]!, ps[j]!, card.w, card.h)).toBe(false);
    for (const p of ps) expect(p.x - card.w / 2).toBeGreaterThanOrEqual(0);
  });

  it('gives each partition group its own region, every card inside its region', () => {
    const names = ['core-01', 'core-02', 'core-03'];
    const card = cardSizeFor(3, 1000, 480);
    const l = clusterLayout(names, [['core-01', 'core-03'], ['core-02']], 1000, 480, card);
    expect(l.regions.map((r) => r.members)).toEqual([['core-01', 'core-03'], ['core-02']]);
    for (const r of l.regions)
      for (const m of r.members) {
        const p = l.pos.get(m)!;
        expect(p.x - card.w / 2).toBeGreaterThanOrEqual(r.x - 1);
        expect(p.x + card.w / 2).toBeLessThanOrEqual(r.x + r.w + 1);
      }
    expect(overlap(l.pos.get('core-01')!, l.pos.get('core-03')!, card.w, card.h)).toBe(false);
  });

  it('has no regions while the network is whole', () => {
    expect(clusterLayout(['core-01', 'core-02'], [], 800, 400, { w: 100, h: 80 }).regions).toEqual([]);
  });

  it('starts message paths at the edge of the card', () => {
    const p = exitPoint({ x: 0, y: 0 }, { x: 400, y: 0 }, 50, 40, 0);
    expect(p).toEqual({ x: 50, y: 0 });
  });
});
