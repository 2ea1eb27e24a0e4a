import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** The world's one seeded source of randomness. */
export class Rng {
  private gen: RandomGenerator;

  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed | 0);
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return uniformInt(this.gen, lo, hi);
  }

  /** Float in [0, 1). */
  float(): number {
    // uniformInt(gen, 0, 2^30 - 1) / 2^30 without the call (every network message draws one):
    // a range of 2^30 divides 2^32, so uniformInt never draws again and takes the value mod 2^30.
    return ((this.gen.next() + 0x80000000) % 0x40000000) / 0x40000000;
  }

  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }

  /** n lowercase hex digits. */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += uniformInt(this.gen, 0, 0xffff).toString(16).padStart(4, '0');
    return s.slice(0, n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}
