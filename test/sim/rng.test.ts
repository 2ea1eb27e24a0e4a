import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { Rng } from '../../src/sim/rng.ts';

describe('Rng', () => {
  // float() computes uniformInt(0, 2^30 - 1) / 2^30 itself: a seeded world must draw exactly the
  // numbers it drew through pure-rand, or every seed's run would change.
  it('float() draws what pure-rand uniformInt(0, 2^30 - 1) / 2^30 draws, seed for seed', () => {
    for (const seed of [0, 1, 42, -7, 0x7fffffff, 123456789]) {
      const rng = new Rng(seed);
      const ref = xoroshiro128plus(seed | 0);
      for (let i = 0; i < 5000; i++) {
        expect(rng.float()).toBe(uniformInt(ref, 0, 0x3fffffff) / 0x40000000);
        // Interleaved integer draws share the generator.
        if (i % 7 === 0) expect(rng.int(1000, 1999)).toBe(uniformInt(ref, 1000, 1999));
      }
    }
  });

  it('float() stays in [0, 1)', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 20000; i++) {
      const f = rng.float();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });
});
