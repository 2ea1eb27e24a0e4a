import type { MsgVote, NodeId } from './types.ts';
import type { RaftState } from './state.ts';
import { quorum, reset, send } from './state.ts';
import * as log from './log.ts';
import { msgVote, msgVoteResp } from './messages.ts';
import { appendEntries } from './replication.ts';

/** Leader election (§5.2) and the role changes, as etcd's become* functions. */

export function becomeFollower(s: RaftState, term: number, lead: NodeId | undefined, now: number, timeoutMs: number): void {
  reset(s, term, now, timeoutMs);
  s.lead = lead;
  s.role = 'follower';
  s.logger?.(`${s.id} became follower at term ${term}`);
}

/** A new term, a vote for itself. */
export function becomeCandidate(s: RaftState, now: number, timeoutMs: number): void {
  reset(s, s.storage.term + 1, now, timeoutMs);
  s.storage.vote = s.id;
  s.role = 'candidate';
  if (s.wantNotes()) s.notes.push({ kind: 'vote', term: s.storage.term, votedFor: s.id });
  s.logger?.(`${s.id} became candidate at term ${s.storage.term}`);
}

/**
 * Won: lead, and append an empty entry of the new term at once — committing it commits every
 * earlier entry too (§5.4.2, §8). A confChange not yet committed stays pending.
 */
export function becomeLeader(s: RaftState, now: number): void {
  reset(s, s.storage.term, now, s.electionTimeoutMs);
  s.lead = s.id;
  s.role = 'leader';
  s.logger?.(`${s.id} became leader at term ${s.storage.term}`);
  const log_ = s.storage.log;
  for (let i = s.storage.commit + 1; i < log_.length; i++) {
    if (log_[i]!.type === 'confChange') {
      s.pendingConf = true;
      break;
    }
  }
  appendEntries(s, [{ type: 'normal', data: undefined }]);
}

/** Becomes candidate and asks every other voter for its vote. */
export function campaign(s: RaftState, now: number, timeoutMs: number): void {
  // raft.go Step(MsgHup) logs this before campaign().
  s.logger?.(`${s.id} is starting a new election at term ${s.storage.term}`);
  becomeCandidate(s, now, timeoutMs);
  poll(s, s.id, true);
  const st = s.storage;
  const index = log.lastIndex(st);
  const logTerm = log.lastTerm(st);
  for (const id of s.prs.keys()) {
    if (id === s.id) continue;
    s.logger?.(`${s.id} [logterm: ${logTerm}, index: ${index}] sent vote request to ${id} at term ${st.term}`);
    send(s, msgVote(st.term, s.id, id, index, logTerm));
  }
}

/**
 * Vote granting (§5.2, §5.4.1): at most one vote per term (a repeat request from the same
 * candidate is granted again), and only to a candidate whose log is at least as up-to-date.
 */
export function canGrantVote(s: RaftState, candidate: NodeId, lastIdx: number, lastTrm: number): boolean {
  const v = s.storage.vote;
  return (v === undefined || v === candidate) && log.isUpToDate(s.storage, lastIdx, lastTrm);
}

/** A follower answers a MsgVote of its current term; granting persists the vote and resets its timer. */
export function handleVote(s: RaftState, m: MsgVote, now: number): void {
  const st = s.storage;
  const grant = canGrantVote(s, m.from, m.index, m.logTerm);
  logVote(s, m, grant ? 'voted for' : 'rejected vote from');
  if (grant) {
    s.electionResetAt = now;
    if (st.vote !== m.from) {
      st.vote = m.from;
      if (s.wantNotes()) s.notes.push({ kind: 'vote', term: st.term, votedFor: m.from });
    }
  }
  send(s, msgVoteResp(st.term, s.id, m.from, !grant));
}

/** raft.go's line for a vote request answered (`vote`: the vote held before it, %x: 0 for none). */
export function logVote(s: RaftState, m: MsgVote, what: 'voted for' | 'rejected vote from'): void {
  if (!s.logger) return;
  const st = s.storage;
  s.logger(`${s.id} [logterm: ${log.lastTerm(st)}, index: ${log.lastIndex(st)}, vote: ${st.vote ?? 0}] ${what} ${m.from} [logterm: ${m.logTerm}, index: ${m.index}] at term ${st.term}`);
}

/** Records a vote (the first answer of each voter counts) and returns how many were granted. */
export function poll(s: RaftState, from: NodeId, granted: boolean): number {
  s.logger?.(`${s.id} ${granted ? 'received vote from' : 'received vote rejection from'} ${from} at term ${s.storage.term}`);
  if (s.prs.has(from) && !s.votes.has(from)) s.votes.set(from, granted);
  return grantedVotes(s);
}

export function grantedVotes(s: RaftState): number {
  let n = 0;
  for (const v of s.votes.values()) if (v) n++;
  return n;
}

/** Whether `electionResult` would leave 'pending' once `poll(s, from, granted)` counted the vote. */
export function voteDecides(s: RaftState, from: NodeId, granted: boolean): boolean {
  if (!s.prs.has(from) || s.votes.has(from)) return electionResult(s) !== 'pending';
  const q = quorum(s);
  const g = grantedVotes(s) + (granted ? 1 : 0);
  return g >= q || s.votes.size + 1 - g >= q;
}

/** 'won' with a quorum of grants, 'lost' with a quorum of rejects, else 'pending'. */
export function electionResult(s: RaftState): 'won' | 'lost' | 'pending' {
  const q = quorum(s);
  const granted = grantedVotes(s);
  if (granted >= q) return 'won';
  if (s.votes.size - granted >= q) return 'lost';
  return 'pending';
}
