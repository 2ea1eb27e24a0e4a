import { describe, it, expect } from 'vitest';
import { formatClock, formatDuration } from '../../../src/ui/lib/format.ts';

describe('format', () => {
  it('prints virtual time as a clock', () => {
    expect(formatClock(83_456)).toBe('00:01:23.4');
    expect(formatClock(83_456, 3)).toBe('00:01:23.456');
    expect(formatClock(3_600_000 * 2 + 5)).toBe('02:00:00.0');
  });
  it('prints durations', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
    expect(formatDuration(2.5)).toBe('2.5 ms');
  });
});
