import type { NodeId, RaftMessage, RaftRole, RaftStorage } from './types.ts';
import { newProgress, type Progress } from './progress.ts';
import { lastIndex } from './log.ts';

/** Something the rules did that the owner may want to trace (log appends, votes cast). */
export type RaftNote =
  | { kind: 'append'; from: number; to: number; term: number }
  | { kind: 'vote'; term: number; votedFor: NodeId };

/**
 * One member's raft state as plain data (etcd's `raft` struct). The rules mutate it in place;
 * messages to send and notes go to the `msgs` / `notes` outboxes, which the node drains.
 * Term, vote, commit and the log live in `storage`: they survive a crash.
 */
export interface RaftState {
  readonly id: NodeId;
  readonly storage: RaftStorage;
  role: RaftRole;
  /** The leader this member knows for the current term (etcd `lead`), if any. */
  lead: NodeId | undefined;
  /** The voters (the applied configuration), with the leader's progress for each. */
  prs: Map<NodeId, Progress>;
  /** Votes received in the current election (candidate). */
  votes: Map<NodeId, boolean>;
  /** A confChange is in the log but not yet applied: the leader refuses another. */
  pendingConf: boolean;
  /** Virtual ms when the election timer was last reset. */
  electionResetAt: number;
  /** This term's randomized election timeout, ms. */
  electionTimeoutMs: number;
  /** Most entries one MsgApp carries (stands in for etcd's MaxSizePerMsg of 1 MB). */
  maxEntriesPerMsg: number;
  /** Most MsgApps in flight to one follower in replicate state (etcd: 512). */
  maxInflight: number;
  msgs: RaftMessage[];
  notes: RaftNote[];
  /**
   * False when nobody would see the notes (the trace is off): the rules then make none, as the
   * node would drop them unread. Asked when a note would be made, so it is never stale.
   */
  wantNotes: () => boolean;
  /**
   * etcd raft's Logger: the lines raft.go prints (role changes, votes, messages of other terms)
   * at the moment it prints them. Absent: the rules make none.
   */
  logger: ((line: string) => void) | undefined;
}

export interface RaftStateInit {
  id: NodeId;
  storage: RaftStorage;
  voters: Iterable<NodeId>;
  now: number;
  timeoutMs: number;
  maxEntriesPerMsg?: number;
  maxInflight?: number;
  /** Default: always (the rules' tests read the notes). */
  wantNotes?: () => boolean;
  logger?: (line: string) => void;
}

const ALWAYS = (): boolean => true;

export function createRaftState(init: RaftStateInit): RaftState {
  const s: RaftState = {
    id: init.id,
    storage: init.storage,
    role: 'follower',
    lead: undefined,
    prs: new Map(),
    votes: new Map(),
    pendingConf: false,
    electionResetAt: init.now,
    electionTimeoutMs: init.timeoutMs,
    maxEntriesPerMsg: init.maxEntriesPerMsg ?? 1024,
    maxInflight: init.maxInflight ?? 512,
    msgs: [],
    notes: [],
    wantNotes: init.wantNotes ?? ALWAYS,
    logger: init.logger,
  };
  for (const id of init.voters) s.prs.set(id, newProgress(lastIndex(init.storage) + 1));
  return s;
}

export function term(s: RaftState): number {
  return s.storage.term;
}

/** Votes (or replicas) needed for a majority of the current voters. */
export function quorum(s: RaftState): number {
  return Math.floor(s.prs.size / 2) + 1;
}

/** Only a voter may campaign (etcd `promotable`): a removed or not-yet-added member waits. */
export function promotable(s: RaftState): boolean {
  return s.prs.has(s.id);
}

/** Queues a message for the owner to put on the network. */
export function send(s: RaftState, m: RaftMessage): void {
  s.msgs.push(m);
}

/**
 * etcd `reset(term)`: a new term clears the vote; the leader, votes and every progress are
 * forgotten and the election timer restarts with a fresh randomized timeout.
 */
export function reset(s: RaftState, newTerm: number, now: number, timeoutMs: number): void {
  if (s.storage.term !== newTerm) {
    s.storage.term = newTerm;
    s.storage.vote = undefined;
  }
  s.lead = undefined;
  s.votes.clear();
  s.electionResetAt = now;
  s.electionTimeoutMs = timeoutMs;
  const last = lastIndex(s.storage);
  for (const id of [...s.prs.keys()]) s.prs.set(id, newProgress(last + 1, id === s.id ? last : 0));
  s.pendingConf = false;
}

/** Virtual ms at which the election timer fires. */
export function electionDeadline(s: RaftState): number {
  return s.electionResetAt + s.electionTimeoutMs;
}
