import { describe, it, expect } from 'vitest';
import { goDuration, goJsonFloat } from '../../src/sim/go-format.ts';

describe('Go formatting', () => {
  it('formats durations as time.Duration.String()', () => {
    expect(goDuration(0)).toBe('0s');
    expect(goDuration(1500)).toBe('1.5s');
    expect(goDuration(62_000)).toBe('1m2s');
    expect(goDuration(3_723_500)).toBe('1h2m3.5s');
    expect(goDuration(0.25)).toBe('250µs');
    expect(goDuration(12.5)).toBe('12.5ms');
    expect(goDuration(1)).toBe('1ms');
  });
  it('formats floats as encoding/json does', () => {
    expect(goJsonFloat(0.5)).toBe('0.5');
    expect(goJsonFloat(2)).toBe('2');
    expect(goJsonFloat(1e-7)).toBe('1e-07');
    expect(goJsonFloat(0)).toBe('0');
  });
});
