import type { NodeId, RaftMessage } from './types.ts';
import type { RaftState } from './state.ts';
import { send } from './state.ts';
import { handleVote, logVote, poll } from './election.ts';
import { quorum } from './state.ts';
import { msgProp, msgVoteResp } from './messages.ts';
import {
  handleAppendEntries,
  handleAppendResponse,
  handleHeartbeat,
  handleHeartbeatResponse,
  leaderPropose,
} from './replication.ts';

/**
 * How each role steps a message (etcd's Step / stepFollower / stepCandidate / stepLeader).
 * Role changes are not made here: the machine takes them (see machine.ts), using `termCheck`,
 * `leadOf` and the election rules, then steps the message in the new role.
 */

export type TermCheck = 'local' | 'stale' | 'current' | 'higher';

/**
 * §5.1: a message of a higher term makes the receiver a follower of that term; one of a lower
 * term is stale and ignored (etcd 2.3 drops it without answer). A MsgProp is a local request
 * forwarded between members: its term is not checked.
 */
export function termCheck(s: RaftState, m: RaftMessage): TermCheck {
  if (m.type === 'MsgProp') return 'local';
  const t = s.storage.term;
  if (m.term > t) return 'higher';
  if (m.term < t) return 'stale';
  return 'current';
}

/** raft.go Step's line before a higher term makes this member a follower of it. */
export function logHigherTerm(s: RaftState, m: RaftMessage): void {
  s.logger?.(`${s.id} [term: ${s.storage.term}] received a ${m.type} message with higher term from ${m.from} [term: ${m.term}]`);
}

/** raft.go Step (etcd 2.3) drops a message of a lower term, with this line. */
export function logStale(s: RaftState, m: RaftMessage): void {
  s.logger?.(`${s.id} [term: ${s.storage.term}] ignored a ${m.type} message with lower term from ${m.from} [term: ${m.term}]`);
}

/**
 * The leader to follow after a higher-term message: its sender when it is a leader's message
 * (MsgApp, MsgHeartbeat); nobody yet for a vote request or an answer.
 * (etcd 2.3 took the sender of any non-vote message as leader; later etcd fixed it to this.)
 */
export function leadOf(m: RaftMessage): NodeId | undefined {
  return m.type === 'MsgApp' || m.type === 'MsgHeartbeat' ? m.from : undefined;
}

/** MsgApp and MsgHeartbeat come only from the leader of their term. */
export function isLeaderMessage(m: RaftMessage): boolean {
  return m.type === 'MsgApp' || m.type === 'MsgHeartbeat';
}

/** A follower: hears its leader (resetting its election timer), votes, forwards proposals. */
export function stepFollower(s: RaftState, m: RaftMessage, now: number): void {
  switch (m.type) {
    case 'MsgProp':
      // No leader: etcd drops the proposal (the client's request times out).
      if (s.lead === undefined || s.lead === s.id) return;
      // A new message, not a spread copy: a copy has a shape of its own (see messages.ts).
      send(s, msgProp(s.storage.term, m.from, s.lead, m.entries));
      return;
    case 'MsgApp':
      s.electionResetAt = now;
      s.lead = m.from;
      handleAppendEntries(s, m);
      return;
    case 'MsgHeartbeat':
      s.electionResetAt = now;
      s.lead = m.from;
      handleHeartbeat(s, m.from, m.commit);
      return;
    case 'MsgVote':
      handleVote(s, m, now);
      return;
    default:
      // Answers meant for a leader or candidate of this term: nothing to do.
      return;
  }
}

/**
 * A candidate: counts votes, rejects other candidates of its term, drops proposals.
 * (A MsgApp/MsgHeartbeat of its term makes it a follower first: see the machine.)
 */
export function stepCandidate(s: RaftState, m: RaftMessage): void {
  switch (m.type) {
    case 'MsgVote':
      logVote(s, m, 'rejected vote from');
      send(s, msgVoteResp(s.storage.term, s.id, m.from, true));
      return;
    case 'MsgVoteResp': {
      const granted = poll(s, m.from, !m.reject);
      s.logger?.(`${s.id} [quorum:${quorum(s)}] has received ${granted} votes and ${s.votes.size - granted} vote rejections`);
      return;
    }
    default:
      return;
  }
}

/** The leader: takes proposals, answers rival candidates with a reject, tracks its followers. */
export function stepLeader(s: RaftState, m: RaftMessage): void {
  switch (m.type) {
    case 'MsgProp':
      leaderPropose(s, m.entries);
      return;
    case 'MsgVote':
      logVote(s, m, 'rejected vote from');
      send(s, msgVoteResp(s.storage.term, s.id, m.from, true));
      return;
    case 'MsgAppResp':
      handleAppendResponse(s, m);
      return;
    case 'MsgHeartbeatResp':
      handleHeartbeatResponse(s, m.from);
      return;
    default:
      return;
  }
}
