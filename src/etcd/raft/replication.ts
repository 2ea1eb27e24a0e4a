import type { Entry, MsgApp, MsgAppResp, NodeId, ProposedEntry } from './types.ts';
import type { RaftState } from './state.ts';
import { quorum, send } from './state.ts';
import { msgApp, msgAppResp, msgHeartbeat, msgHeartbeatResp } from './messages.ts';
import * as log from './log.ts';
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
} from './progress.ts';

/**
 * Log replication (§5.3, §5.4.2): the leader's appends, MsgApp / MsgHeartbeat and their answers,
 * commitment by counting replicas, and the follower's side of AppendEntries.
 */

/** The leader appends entries of its term to its own log (and counts itself as a replica). */
export function appendEntries(s: RaftState, proposed: readonly ProposedEntry[]): void {
  const st = s.storage;
  const first = log.lastIndex(st) + 1;
  const t = st.term;
  for (let i = 0; i < proposed.length; i++) {
    const p = proposed[i]!;
    st.log.push({ index: first + i, term: t, type: p.type, data: p.data });
  }
  const last = log.lastIndex(st);
  if (s.wantNotes()) s.notes.push({ kind: 'append', from: first, to: last, term: t });
  const self = s.prs.get(s.id);
  if (self) maybeUpdate(self, last);
  maybeCommitByQuorum(s);
}

/**
 * The index a quorum of voters holds (the quorum-th highest match), committed only when its
 * entry is of the current term: the leader never commits an older-term entry by counting (§5.4.2).
 */
const matchScratch: number[] = [];

export function maybeCommitByQuorum(s: RaftState): boolean {
  if (s.prs.size === 0) return false;
  // Insertion sort, highest first, into a reused array: this runs on every append answer.
  const matches = matchScratch;
  let n = 0;
  for (const pr of s.prs.values()) {
    let i = n++;
    while (i > 0 && matches[i - 1]! < pr.match) {
      matches[i] = matches[i - 1]!;
      i--;
    }
    matches[i] = pr.match;
  }
  const q = quorum(s);
  const mci = q >= 1 && q <= n ? matches[q - 1]! : 0;
  return log.maybeCommit(s.storage, mci, s.storage.term);
}

/**
 * Sends `to` the entries from its `next` (at most maxEntriesPerMsg) with the previous index and
 * term, or an empty MsgApp that just carries the commit index. Nothing while the progress is paused.
 * Within a broadcast, `shared` hands on the list it last sliced.
 */
export function sendAppend(s: RaftState, to: NodeId, shared?: SharedEntries): void {
  const pr = s.prs.get(to);
  if (!pr || isPaused(pr, s.maxInflight)) return;
  const st = s.storage;
  if (pr.next > log.lastIndex(st) + 1 || pr.next < 1) pr.next = log.lastIndex(st) + 1;
  const prev = pr.next - 1;
  let entries: Entry[];
  if (shared !== undefined && shared.from === pr.next) entries = shared.entries;
  else {
    entries = log.slice(st, pr.next, pr.next + s.maxEntriesPerMsg);
    if (shared !== undefined) {
      shared.from = pr.next;
      shared.entries = entries;
    }
  }
  const m = msgApp(st.term, s.id, to, prev, log.termAt(st, prev) ?? 0, entries, st.commit);
  const n = entries.length;
  if (n > 0) {
    if (pr.state === 'replicate') {
      const last = entries[n - 1]!.index;
      optimisticUpdate(pr, last);
      pr.inflights.push(last);
    } else {
      pr.paused = true;
    }
  }
  send(s, m);
}

/**
 * The entry list one bcastAppend last sent, and from which index: followers at the same `next`
 * get the same list (messages are never modified, and the log does not change while it runs:
 * sending only queues messages).
 */
interface SharedEntries {
  from: number;
  entries: Entry[];
}

export function bcastAppend(s: RaftState): void {
  const shared: SharedEntries = { from: -1, entries: log.NO_ENTRIES };
  for (const id of s.prs.keys()) if (id !== s.id) sendAppend(s, id, shared);
}

/** Every heartbeat interval: commit = min(match, commit), so a follower never commits past its log. */
export function bcastHeartbeat(s: RaftState): void {
  const st = s.storage;
  // Keys, then get: a [key, value] pair per follower per heartbeat otherwise.
  for (const id of s.prs.keys()) {
    if (id === s.id) continue;
    const pr = s.prs.get(id)!;
    send(s, msgHeartbeat(st.term, s.id, id, Math.min(pr.match, st.commit)));
    // etcd 2.3 resumes a paused probe on each heartbeat: a lost probe is retried.
    pr.paused = false;
  }
}

/** The leader's handling of a MsgAppResp: move match/next, commit, and send what is missing. */
export function handleAppendResponse(s: RaftState, m: MsgAppResp): void {
  const pr = s.prs.get(m.from);
  if (!pr) return;
  pr.recentActive = true;
  if (m.reject) {
    if (maybeDecrTo(pr, m.index, m.rejectHint)) {
      if (pr.state === 'replicate') becomeProbe(pr);
      sendAppend(s, m.from);
    }
    return;
  }
  const wasPaused = isPaused(pr, s.maxInflight);
  if (!maybeUpdate(pr, m.index)) return;
  if (pr.state === 'probe') becomeReplicate(pr);
  else freeTo(pr, m.index);
  if (maybeCommitByQuorum(s)) bcastAppend(s);
  else if (wasPaused) sendAppend(s, m.from);
}

/** A MsgHeartbeatResp: the follower is alive; if it lags, send it entries (etcd 2.3). */
export function handleHeartbeatResponse(s: RaftState, from: NodeId): void {
  const pr = s.prs.get(from);
  if (!pr) return;
  pr.recentActive = true;
  if (pr.state === 'replicate' && pr.inflights.length >= s.maxInflight) freeFirstOne(pr);
  if (pr.match < log.lastIndex(s.storage)) sendAppend(s, from);
}

/**
 * The follower's AppendEntries: answer with the last matching index, or reject with the
 * follower's last index as a hint so the leader can skip back at once.
 */
export function handleAppendEntries(s: RaftState, m: MsgApp): void {
  const st = s.storage;
  if (m.index < st.commit) {
    // Everything up to commit already matches: tell the leader where we are.
    send(s, appendResp(s, m, st.commit, false, 0));
    return;
  }
  const appendedFrom = log.maybeAppend(st, m.index, m.logTerm, m.commit, m.entries);
  if (appendedFrom >= 0) {
    const lastNew = m.index + m.entries.length;
    if (appendedFrom > 0 && s.wantNotes()) s.notes.push({ kind: 'append', from: appendedFrom, to: lastNew, term: log.termAt(st, lastNew) ?? st.term });
    send(s, appendResp(s, m, lastNew, false, 0));
  } else {
    send(s, appendResp(s, m, m.index, true, log.lastIndex(st)));
  }
}

/** The follower's answer to `m` (a function, not a closure per message: every MsgApp gets one). */
function appendResp(s: RaftState, m: MsgApp, index: number, reject: boolean, rejectHint: number): MsgAppResp {
  return msgAppResp(s.storage.term, s.id, m.from, index, reject, rejectHint);
}

export function handleHeartbeat(s: RaftState, from: NodeId, commit: number): void {
  log.commitTo(s.storage, commit);
  send(s, msgHeartbeatResp(s.storage.term, s.id, from));
}

/**
 * The leader takes a proposal. A second confChange while one is pending becomes an empty
 * normal entry, as etcd does. False when the leader is no longer a voter (removed).
 */
export function leaderPropose(s: RaftState, proposed: readonly ProposedEntry[]): boolean {
  if (!s.prs.has(s.id) || proposed.length === 0) return false;
  // A new list only when a confChange is among them (a client's proposal is one normal entry).
  let ents: readonly ProposedEntry[] = proposed;
  if (proposed.some(isConfChange)) {
    const list: ProposedEntry[] = [];
    for (const p of proposed) {
      if (p.type === 'confChange') {
        if (s.pendingConf) {
          list.push({ type: 'normal', data: undefined });
          continue;
        }
        s.pendingConf = true;
      }
      list.push(p);
    }
    ents = list;
  }
  appendEntries(s, ents);
  bcastAppend(s);
  return true;
}

function isConfChange(p: ProposedEntry): boolean {
  return p.type === 'confChange';
}

/** CheckQuorum: the leader heard from a quorum (itself included) since the last check. */
export function quorumActive(s: RaftState): boolean {
  let act = 0;
  for (const id of s.prs.keys()) if (id === s.id || s.prs.get(id)!.recentActive) act++;
  return act >= quorum(s);
}

export function resetRecentActive(s: RaftState): void {
  for (const pr of s.prs.values()) pr.recentActive = false;
}

/** A confChange addNode was applied: the node becomes a voter (already one: no-op). */
export function addNode(s: RaftState, id: NodeId): void {
  s.pendingConf = false;
  if (s.prs.has(id)) return;
  s.prs.set(id, newProgress(log.lastIndex(s.storage) + 1));
}

/** A confChange removeNode was applied: the quorum shrinks, which may commit pending entries. */
export function removeNode(s: RaftState, id: NodeId): void {
  s.prs.delete(id);
  s.pendingConf = false;
  if (s.prs.size === 0) return;
  if (s.role === 'leader' && maybeCommitByQuorum(s)) bcastAppend(s);
}
