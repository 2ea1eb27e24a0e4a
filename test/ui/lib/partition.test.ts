import { describe, it, expect } from 'vitest';
import { defaultSplit, fullGroups, isIsolated, isolate, rejoin } from '../../../src/ui/lib/partition.ts';

const ms = ['core-01', 'core-02', 'core-03', 'core-04', 'core-05'];

describe('partition helpers', () => {
  it('isolates a machine from a whole network and from an existing split', () => {
    expect(isolate([], ms.slice(0, 3), 'core-02')).toEqual([['core-01', 'core-03'], ['core-02']]);
    expect(isolate([['core-01', 'core-02'], ['core-03']], ms.slice(0, 3), 'core-01')).toEqual([['core-02'], ['core-03'], ['core-01']]);
    expect(isIsolated([['core-01', 'core-03'], ['core-02']], 'core-02')).toBe(true);
    expect(isIsolated([['core-01', 'core-03'], ['core-02']], 'core-01')).toBe(false);
  });
  it('rejoins into the largest group, or heals when one group is left', () => {
    expect(rejoin([['core-01', 'core-03'], ['core-02']], 'core-02')).toBeUndefined();
    expect(rejoin([['core-01', 'core-03'], ['core-04'], ['core-02']], 'core-02')).toEqual([['core-01', 'core-02', 'core-03'], ['core-04']]);
  });
  it('proposes a split that puts the leader in the minority', () => {
    expect(defaultSplit(ms.slice(0, 3), 'core-02')).toEqual({ a: ['core-01', 'core-03'], b: ['core-02'] });
    expect(defaultSplit(ms, 'core-03')).toEqual({ a: ['core-02', 'core-04', 'core-05'], b: ['core-03', 'core-01'] });
  });
  it('adds the implicit group of machines named nowhere', () => {
    expect(fullGroups([['core-01']], ms.slice(0, 3))).toEqual([['core-01'], ['core-02', 'core-03']]);
    expect(fullGroups([], ms)).toEqual([]);
  });
});
