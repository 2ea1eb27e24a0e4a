/**
 * What the screen may know of the world at an instant: plain data, copied out of the
 * simulation. Messages in flight come from the trace (`msg.send` / `msg.deliver` / `msg.drop`).
 */
export type PowerState = 'off' | 'booting' | 'running' | 'crashed';
export type EtcdRole = 'leader' | 'follower' | 'candidate' | 'offline' | 'proxy';

export interface LogEntryView {
  index: number;
  term: number;
  committed: boolean;
  /** Short text for the inspector, e.g. `PUT /message`, `conf add core-02`, `(empty)`. */
  summary: string;
}

export interface PeerProgressView {
  next: number;
  match: number;
}

export interface MemberSnapshot {
  /** etcd member ID, 16 hex digits. */
  id: string;
  name: string;
  role: EtcdRole;
  term: number;
  votedFor?: string;
  /** Machine name of the leader this member knows, if any. */
  leader?: string;
  commitIndex: number;
  appliedIndex: number;
  lastIndex: number;
  /** etcd (store) index of this member's keyspace. */
  etcdIndex: number;
  /** Virtual ms when this member's election timer fires (followers and candidates). */
  electionDeadline?: number;
  /** Length of the current randomized election timeout, ms. */
  electionTimeoutMs?: number;
  /** Votes received in the current election (candidates). */
  votes?: number;
  /** The newest entries of the log (at most 50), oldest first. */
  log: LogEntryView[];
  /** On the leader: each follower's (by machine name) next and match index. */
  progress?: Record<string, PeerProgressView>;
}

export interface MachineSnapshot {
  name: string;
  ip: string;
  power: PowerState;
  etcd?: MemberSnapshot;
  /** What etcd runs as on this machine: `none` when its cloud-config starts no etcd (or it is down). */
  etcdMode?: 'member' | 'proxy' | 'none';
}

export interface ClusterSnapshot {
  now: number;
  machines: MachineSnapshot[];
  /** Partition groups in force, or empty when the network is whole. */
  partitions: string[][];
  net: { latencyMs: number; jitterMs: number; loss: number };
  /** The discovery service's tokens and registrations. */
  discovery: DiscoveryView[];
}

/** One token of the public discovery service (discovery.etcd.io) and who registered under it. */
export interface DiscoveryView {
  /** 32 hex digits. */
  token: string;
  /** `https://discovery.etcd.io/<token>` */
  url: string;
  /** `_config/size`, when set and a number. */
  size?: number;
  /** Registrations in createdIndex order: member ID (hex), name, and the peer URLs as registered. */
  registered: { id: string; name: string; peerURLs: string }[];
}
