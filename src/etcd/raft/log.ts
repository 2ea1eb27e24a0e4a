import type { Entry, RaftStorage } from './types.ts';

/**
 * The raft log rules (etcd's raftLog) over a member's persisted storage. `log[0]` is a dummy,
 * so an entry's index is its position. Nothing here copies the whole log.
 */

export const DUMMY_ENTRY: Entry = Object.freeze({ index: 0, term: 0, type: 'normal', data: undefined }) as Entry;

/** A storage with nothing in it: term 0, no vote, an empty log. */
export function emptyStorage(): RaftStorage {
  return { term: 0, vote: undefined, commit: 0, log: [DUMMY_ENTRY] };
}

/** Makes sure `log[0]` is the dummy (a storage built by hand may start at index 1). */
export function ensureDummy(s: RaftStorage): void {
  if (s.log.length === 0 || s.log[0]!.index !== 0) s.log.unshift(DUMMY_ENTRY);
}

export function lastIndex(s: RaftStorage): number {
  return s.log.length - 1;
}

export function lastTerm(s: RaftStorage): number {
  return s.log[s.log.length - 1]!.term;
}

/** Term of the entry at `i`; undefined when the log has no such entry. */
export function termAt(s: RaftStorage, i: number): number | undefined {
  if (i < 0 || i >= s.log.length) return undefined;
  return s.log[i]!.term;
}

export function matchTerm(s: RaftStorage, i: number, term: number): boolean {
  return termAt(s, i) === term;
}

/**
 * §5.4.1: a log with (lastIdx, lastTrm) is at least as up-to-date as ours when its last term is
 * higher, or equal with a last index at least as long.
 */
export function isUpToDate(s: RaftStorage, lastIdx: number, lastTrm: number): boolean {
  const myTerm = lastTerm(s);
  return lastTrm > myTerm || (lastTrm === myTerm && lastIdx >= lastIndex(s));
}

/**
 * Index of the first entry of `ents` that is missing from the log or has a different term there
 * (a conflict); 0 when the log already holds them all.
 */
export function findConflict(s: RaftStorage, ents: readonly Entry[]): number {
  for (const e of ents) if (!matchTerm(s, e.index, e.term)) return e.index;
  return 0;
}

/**
 * Appends `ents` from position `from` on (consecutive indexes) after truncating the log just
 * before the first of them: a conflicting suffix is deleted with everything that follows it (§5.3).
 */
export function appendAt(s: RaftStorage, ents: readonly Entry[], from = 0): void {
  if (from >= ents.length) return;
  const after = ents[from]!.index - 1;
  if (after < s.commit) throw new Error(`raft: entry ${after + 1} conflicts with committed entry [committed(${s.commit})]`);
  if (s.log.length > after + 1) s.log.length = after + 1;
  for (let i = from; i < ents.length; i++) s.log.push(ents[i]!);
}

/**
 * The follower's AppendEntries rule: when the entry at `prevIndex` has `prevTerm`, keep matching
 * entries, truncate from the first conflict, append the rest, and commit up to
 * min(leaderCommit, index of the last new entry, which is `prevIndex + ents.length`). Returns the
 * index of the first entry appended, 0 when the log already held them all, or -1 when the log
 * does not contain the previous entry (the request is rejected). A number, not a result object:
 * it runs on every MsgApp.
 */
export function maybeAppend(s: RaftStorage, prevIndex: number, prevTerm: number, leaderCommit: number, ents: readonly Entry[]): number {
  if (!matchTerm(s, prevIndex, prevTerm)) return -1;
  const ci = findConflict(s, ents);
  if (ci !== 0) appendAt(s, ents, ci - (prevIndex + 1));
  commitTo(s, Math.min(leaderCommit, prevIndex + ents.length));
  return ci;
}

/** Raises the commit index (never lowers it, never past the last entry). */
export function commitTo(s: RaftStorage, index: number): boolean {
  const to = Math.min(index, lastIndex(s));
  if (to <= s.commit) return false;
  s.commit = to;
  return true;
}

/**
 * The leader's commit rule (§5.4.2): `index` is stored on a quorum; it may be committed only if
 * its entry is of the leader's current term. Older-term entries are committed indirectly, with it.
 */
export function maybeCommit(s: RaftStorage, index: number, currentTerm: number): boolean {
  if (index > s.commit && termAt(s, index) === currentTerm) {
    s.commit = index;
    return true;
  }
  return false;
}

/**
 * Never written to: what `slice` gives for an empty range (half of all MsgApps only carry the
 * commit index). Not frozen: a frozen array is another elements kind where entries are read.
 */
export const NO_ENTRIES: Entry[] = [];

/** Entries [lo, hi) — a slice, not a copy of the log. Callers must not modify it. */
export function slice(s: RaftStorage, lo: number, hi: number): Entry[] {
  const from = Math.max(1, lo);
  const to = Math.min(hi, s.log.length);
  return from < to ? s.log.slice(from, to) : NO_ENTRIES;
}
