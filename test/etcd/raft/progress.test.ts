import { describe, it, expect } from 'vitest';
import {
  becomeProbe,
  becomeReplicate,
  freeFirstOne,
  freeTo,
  isPaused,
  maybeDecrTo,
  maybeUpdate,
  newProgress,
  optimisticUpdate,
} from '../../../src/etcd/raft/progress.ts';

describe('progress (the leader\'s nextIndex / matchIndex per follower)', () => {
  it('a new progress probes from the leader\'s last index + 1 with nothing matched', () => {
    const pr = newProgress(8);
    expect(pr).toMatchObject({ next: 8, match: 0, state: 'probe', paused: false });
  });

  it('a success raises match and next, never lowers them', () => {
    const pr = newProgress(5);
    expect(maybeUpdate(pr, 6)).toBe(true);
    expect([pr.match, pr.next]).toEqual([6, 7]);
    expect(maybeUpdate(pr, 3)).toBe(false);
    expect([pr.match, pr.next]).toEqual([6, 7]);
  });

  it('in probe a reject backs nextIndex off to min(rejected, follower last + 1)', () => {
    const pr = newProgress(11);
    // The follower only has 4 entries: skip straight back to 5.
    expect(maybeDecrTo(pr, 10, 4)).toBe(true);
    expect(pr.next).toBe(5);
    // Its entry 4 conflicts too: one more step back.
    expect(maybeDecrTo(pr, 4, 4)).toBe(true);
    expect(pr.next).toBe(4);
  });

  it('in probe a reject for an earlier probe (stale) is ignored', () => {
    const pr = newProgress(11);
    expect(maybeDecrTo(pr, 7, 3)).toBe(false);
    expect(pr.next).toBe(11);
  });

  it('nextIndex never goes below 1', () => {
    const pr = newProgress(2);
    maybeDecrTo(pr, 1, 0);
    expect(pr.next).toBe(1);
    maybeDecrTo(pr, 0, 0);
    expect(pr.next).toBe(1);
  });

  it('in replicate a reject falls back to match + 1; one at or below match is stale', () => {
    const pr = newProgress(1);
    maybeUpdate(pr, 5);
    becomeReplicate(pr);
    optimisticUpdate(pr, 9);
    expect(maybeDecrTo(pr, 4, 4)).toBe(false);
    expect(maybeDecrTo(pr, 9, 6)).toBe(true);
    expect(pr.next).toBe(6);
  });

  it('probe pauses after one append until answered; replicate pauses when the inflight window is full', () => {
    const pr = newProgress(1);
    pr.paused = true;
    expect(isPaused(pr, 2)).toBe(true);
    maybeUpdate(pr, 1);
    expect(isPaused(pr, 2)).toBe(false);
    becomeReplicate(pr);
    pr.inflights.push(3, 5);
    expect(isPaused(pr, 2)).toBe(true);
    freeTo(pr, 3);
    expect(pr.inflights).toEqual([5]);
    expect(isPaused(pr, 2)).toBe(false);
    freeFirstOne(pr);
    expect(pr.inflights).toEqual([]);
  });

  it('becoming probe or replicate restarts from match + 1', () => {
    const pr = newProgress(1);
    maybeUpdate(pr, 4);
    optimisticUpdate(pr, 20);
    becomeProbe(pr);
    expect(pr.next).toBe(5);
  });
});
