import { describe, it, expect } from 'vitest';
import { formatSpeed, sliderFromSpeed, speedFromSlider, stepSpeed, clampSpeed } from '../../../src/ui/lib/speed.ts';

describe('speed', () => {
  it('maps the log slider from 1/100x to 10x', () => {
    expect(speedFromSlider(-2)).toBe(0.01);
    expect(speedFromSlider(0)).toBe(1);
    expect(speedFromSlider(1)).toBe(10);
    expect(sliderFromSpeed(0.1)).toBeCloseTo(-1);
  });
  it('formats speeds as people say them', () => {
    expect(formatSpeed(1)).toBe('1x');
    expect(formatSpeed(10)).toBe('10x');
    expect(formatSpeed(2.5)).toBe('2.5x');
    expect(formatSpeed(0.5)).toBe('1/2x');
    expect(formatSpeed(0.01)).toBe('1/100x');
    expect(formatSpeed(0.3)).toBe('0.3x');
  });
  it('steps along the ladder and stays in range', () => {
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(10, 1)).toBe(10);
    expect(stepSpeed(0.01, -1)).toBe(0.01);
    expect(clampSpeed(100)).toBe(10);
    expect(clampSpeed(Number.NaN)).toBe(1);
  });
});
