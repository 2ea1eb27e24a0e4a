import { describe, it, expect } from 'vitest';
import {
  appendAt,
  commitTo,
  emptyStorage,
  ensureDummy,
  findConflict,
  isUpToDate,
  lastIndex,
  lastTerm,
  matchTerm,
  maybeAppend,
  maybeCommit,
  slice,
  termAt,
} from '../../../src/etcd/raft/log.ts';
import type { Entry, RaftStorage } from '../../../src/etcd/raft/types.ts';

/** A storage whose log has entries of these terms at indexes 1.. (data tags them by origin). */
function storage(terms: number[], tag = 'x', commit = 0): RaftStorage {
  const s = emptyStorage();
  terms.forEach((t, i) => s.log.push({ index: i + 1, term: t, type: 'normal', data: `${tag}${i + 1}` }));
  s.commit = commit;
  return s;
}

function ents(from: number, terms: number[], tag = 'l'): Entry[] {
  return terms.map((t, i) => ({ index: from + i, term: t, type: 'normal', data: `${tag}${from + i}` }));
}

const terms = (s: RaftStorage) => s.log.slice(1).map((e) => e.term);

describe('raft log', () => {
  it('an empty log has last index 0 and last term 0 (the dummy entry)', () => {
    const s = emptyStorage();
    expect(lastIndex(s)).toBe(0);
    expect(lastTerm(s)).toBe(0);
    expect(termAt(s, 0)).toBe(0);
    expect(termAt(s, 1)).toBeUndefined();
  });

  it('a log given without the dummy entry gets one, so an index is a position', () => {
    const s: RaftStorage = { term: 1, commit: 0, log: ents(1, [1, 1]) };
    ensureDummy(s);
    expect(s.log[1]!.index).toBe(1);
    expect(lastIndex(s)).toBe(2);
  });

  describe('a candidate\'s log must be at least as up-to-date to get a vote (§5.4.1)', () => {
    const mine = storage([1, 2, 2]); // last term 2, last index 3
    it('a higher last term wins whatever the length', () => {
      expect(isUpToDate(mine, 1, 3)).toBe(true);
    });
    it('a lower last term loses whatever the length', () => {
      expect(isUpToDate(mine, 10, 1)).toBe(false);
    });
    it('with the same last term the longer (or equal) log is as up-to-date', () => {
      expect(isUpToDate(mine, 3, 2)).toBe(true);
      expect(isUpToDate(mine, 4, 2)).toBe(true);
      expect(isUpToDate(mine, 2, 2)).toBe(false);
    });
  });

  describe('AppendEntries consistency check', () => {
    it('rejects when the log has no entry at prevLogIndex', () => {
      const s = storage([1, 1]);
      expect(maybeAppend(s, 3, 1, 0, ents(4, [1]))).toBe(-1);
      expect(terms(s)).toEqual([1, 1]);
    });

    it('rejects when the entry at prevLogIndex has another term', () => {
      const s = storage([1, 1, 2]);
      expect(maybeAppend(s, 3, 3, 0, ents(4, [3]))).toBe(-1);
      expect(terms(s)).toEqual([1, 1, 2]);
    });

    it('accepts at prevLogIndex 0 (the start of any log)', () => {
      const s = emptyStorage();
      expect(maybeAppend(s, 0, 0, 0, ents(1, [1, 1]))).toBe(1);
      expect(terms(s)).toEqual([1, 1]);
    });
  });

  describe('conflicting entries are truncated', () => {
    it('an existing entry that conflicts with a new one (same index, different term) is deleted with all that follow it (§5.3)', () => {
      const s = storage([1, 1, 2, 2, 2], 'f');
      // Appended from index 3, the first conflict.
      expect(maybeAppend(s, 2, 1, 0, ents(3, [3, 3]))).toBe(3);
      expect(terms(s)).toEqual([1, 1, 3, 3]);
      expect(s.log[3]!.data).toBe('l3');
    });

    it('entries already in the log are kept, and nothing after them is truncated by a shorter (old) append', () => {
      const s = storage([1, 1, 2, 2], 'f');
      const before = s.log.slice();
      // Accepted, nothing appended.
      expect(maybeAppend(s, 1, 1, 0, [s.log[2]!, s.log[3]!])).toBe(0);
      expect(s.log).toEqual(before);
    });

    it('findConflict gives the first new or conflicting index, 0 when all are present', () => {
      const s = storage([1, 2, 2]);
      expect(findConflict(s, ents(1, [1, 2, 2]))).toBe(0);
      expect(findConflict(s, ents(2, [2, 2, 3]))).toBe(4);
      expect(findConflict(s, ents(2, [2, 3]))).toBe(3);
      expect(findConflict(s, ents(1, [4]))).toBe(1);
    });

    it('a committed entry is never truncated (etcd panics)', () => {
      const s = storage([1, 1, 1], 'f', 2);
      expect(() => appendAt(s, ents(2, [2]))).toThrow(/conflicts with committed/);
      expect(() => maybeAppend(s, 1, 1, 0, ents(2, [2]))).toThrow();
    });
  });

  describe('follower commit = min(leaderCommit, index of last new entry)', () => {
    it('a leader commit beyond the new entries commits only up to the last new entry', () => {
      // The follower may hold stale entries after the new ones' range: they are not committed.
      const s = storage([1, 1, 1, 1, 1], 'f');
      maybeAppend(s, 1, 1, 5, ents(2, [1]));
      expect(s.commit).toBe(2);
    });

    it('a leader commit below the last new entry commits up to the leader commit', () => {
      const s = storage([1], 'f');
      maybeAppend(s, 1, 1, 2, ents(2, [1, 1, 1]));
      expect(s.commit).toBe(2);
    });

    it('commit never moves back', () => {
      const s = storage([1, 1, 1], 'f', 3);
      expect(commitTo(s, 1)).toBe(false);
      expect(s.commit).toBe(3);
      maybeAppend(s, 3, 1, 1, []);
      expect(s.commit).toBe(3);
    });
  });

  describe('leader commit (§5.4.2)', () => {
    it('commits an index held by a quorum when its entry is of the current term', () => {
      const s = storage([1, 2, 3]);
      expect(maybeCommit(s, 3, 3)).toBe(true);
      expect(s.commit).toBe(3);
    });

    it('never commits an entry from a previous term by counting replicas', () => {
      const s = storage([1, 2, 3]);
      expect(maybeCommit(s, 2, 3)).toBe(false);
      expect(s.commit).toBe(0);
    });
  });

  it('Log Matching: appends keep every pair of logs identical up to any index where their terms agree', () => {
    // Two followers receive the same leader entries after different histories.
    const leader = ents(1, [1, 1, 3, 3, 4], 'L');
    const a = emptyStorage();
    a.log.push(leader[0]!, leader[1]!, ...ents(3, [2, 2], 'A'));
    const b = emptyStorage();
    b.log.push(leader[0]!, leader[1]!, leader[2]!);
    for (const s of [a, b]) {
      let prev = lastIndex(s);
      // Back off until the consistency check passes, as the leader does.
      while (maybeAppend(s, prev, prev === 0 ? 0 : leader[prev - 1]!.term, 0, leader.slice(prev)) < 0) prev--;
    }
    for (let i = 1; i <= 5; i++) {
      expect(matchTerm(a, i, b.log[i]!.term)).toBe(true);
      expect(a.log[i]!.data).toBe(b.log[i]!.data);
    }
  });

  it('slice returns the entries in [lo, hi) without the dummy', () => {
    const s = storage([1, 1, 2]);
    expect(slice(s, 0, 10).map((e) => e.index)).toEqual([1, 2, 3]);
    expect(slice(s, 2, 3).map((e) => e.index)).toEqual([2]);
  });
});
