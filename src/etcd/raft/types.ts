/**
 * Raft's data: log entries, configuration changes, messages (with etcd's `raftpb` names) and
 * what a member persists. Plain data only, so rules can be tested alone and messages can cross
 * the simulated network unchanged.
 */

/** A raft member's ID (the etcd member ID in hex). `undefined` plays etcd's `None`. */
export type NodeId = string;

export type RaftRole = 'follower' | 'candidate' | 'leader';

export type EntryType = 'normal' | 'confChange';

/**
 * One log entry. `data` of a normal entry is opaque to raft (an etcd request); a new leader's
 * own entry is a normal entry with `data: undefined`. A confChange entry's data is a ConfChange.
 * Entries are never mutated once created, so logs and messages may share them.
 */
export interface Entry {
  index: number;
  term: number;
  type: EntryType;
  data: unknown;
}

/** What a proposal carries before the leader gives it an index and a term. */
export interface ProposedEntry {
  type: EntryType;
  data: unknown;
}

/** etcd's raftpb.ConfChange; `context` carries the member (etcd: its JSON) for addNode. */
export interface ConfChange {
  type: 'addNode' | 'removeNode';
  nodeId: NodeId;
  context?: unknown;
}

/**
 * What a member keeps on disk (etcd: HardState + WAL entries). Owned by the host, mutated in
 * place by the node, never copied per event. `log[0]` is a dummy entry (index 0, term 0), so
 * `log[i].index === i` (no compaction in the simulation).
 */
export interface RaftStorage {
  term: number;
  vote?: NodeId;
  commit: number;
  log: Entry[];
}

interface MsgHeader {
  term: number;
  from: NodeId;
  to: NodeId;
}

/** RequestVote: `index`/`logTerm` are the candidate's last log index and term. */
export interface MsgVote extends MsgHeader {
  type: 'MsgVote';
  index: number;
  logTerm: number;
}

export interface MsgVoteResp extends MsgHeader {
  type: 'MsgVoteResp';
  reject: boolean;
}

/** AppendEntries: `index`/`logTerm` are the entry preceding `entries` (prevLogIndex/Term). */
export interface MsgApp extends MsgHeader {
  type: 'MsgApp';
  index: number;
  logTerm: number;
  entries: Entry[];
  commit: number;
}

/**
 * Answer to MsgApp. Accepted: `index` is the last index now known to match the leader.
 * Rejected: `index` is the rejected prev index and `rejectHint` the follower's last index.
 */
export interface MsgAppResp extends MsgHeader {
  type: 'MsgAppResp';
  index: number;
  reject: boolean;
  rejectHint: number;
}

/** `commit` is min(the follower's match, leader commit): never beyond what it holds. */
export interface MsgHeartbeat extends MsgHeader {
  type: 'MsgHeartbeat';
  commit: number;
}

export interface MsgHeartbeatResp extends MsgHeader {
  type: 'MsgHeartbeatResp';
}

/** A proposal forwarded by a follower to its leader. Its term is informational only. */
export interface MsgProp extends MsgHeader {
  type: 'MsgProp';
  entries: ProposedEntry[];
}

export type RaftMessage = MsgVote | MsgVoteResp | MsgApp | MsgAppResp | MsgHeartbeat | MsgHeartbeatResp | MsgProp;

export type RaftMessageType = RaftMessage['type'];
