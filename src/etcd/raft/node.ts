import { createActor, type Actor } from 'xstate';
import type { TraceEvent } from '../../sim/trace.ts';
import type { ConfChange, Entry, NodeId, ProposedEntry, RaftMessage, RaftRole, RaftStorage } from './types.ts';
import { createRaftState, electionDeadline, type RaftState } from './state.ts';
import { DUMMY_ENTRY, ensureDummy, lastIndex, lastTerm } from './log.ts';
import { grantedVotes } from './election.ts';
import { msgProp } from './messages.ts';
import { addNode, bcastHeartbeat, removeNode } from './replication.ts';
import { electionInPlace, raftMachine, stepInPlace, tickInPlace, type RaftMachineContext } from './machine.ts';

/** The raft trace events a node emits (src/sim/trace.ts). */
export type RaftTraceEvent = Extract<TraceEvent, { type: 'raft.role' | 'raft.vote' | 'raft.append' | 'raft.commit' }>;

/** The clock the node needs: the WorldClock (virtual time, XState-compatible). */
export interface RaftClock {
  now(): number;
  /** XState's clock shape (the actor's `after` delays use these). */
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number | undefined) => void;
  schedule(fn: () => void, ms: number): number;
  cancel(id: number | undefined): void;
}

export interface RaftNodeOptions {
  id: NodeId;
  /** The member's persisted raft state; mutated in place. */
  storage: RaftStorage;
  /**
   * The voters of the applied configuration. Default: replayed from the confChange entries of
   * the log up to `appliedIndex` (the owner applies the later ones through `applyConfChange`).
   */
  peers?: readonly NodeId[];
  clock: RaftClock;
  rng: { int(lo: number, hi: number): number };
  /** Puts a message on the network. */
  send(to: NodeId, msg: RaftMessage): void;
  /** Committed entries in index order, each once per incarnation, after `appliedIndex`. */
  onCommitted?(entries: Entry[]): void;
  /** Role, term or known leader changed. */
  onRoleChange?(role: RaftRole, term: number, leader: NodeId | undefined): void;
  /** Receives raft.go's log lines as they are made (etcd 2's journal); absent: none are made. */
  logger?(line: string): void;
  trace?(event: RaftTraceEvent): void;
  /** False when nobody would see a trace event: the node skips building them (default: true). */
  traceActive?(): boolean;
  /** `host` in trace events (default: id). */
  name?: string;
  /** How trace events name a member in `leader` / `votedFor` (default: its id). */
  nameOf?(id: NodeId): string;
  heartbeatMs?: number;
  electionMs?: number;
  /** The last index the owner has applied (persisted with its state machine). */
  appliedIndex?: number;
  maxEntriesPerMsg?: number;
  maxInflight?: number;
}

/** What the screen may show of a raft member (the raft part of src/snapshot.ts's MemberSnapshot). */
export interface RaftView {
  id: NodeId;
  role: RaftRole;
  term: number;
  votedFor?: NodeId;
  leader?: NodeId;
  commitIndex: number;
  appliedIndex: number;
  lastIndex: number;
  lastTerm: number;
  /** Followers and candidates: virtual ms when the election timer fires. */
  electionDeadline?: number;
  electionTimeoutMs?: number;
  /** Candidates: votes granted so far (its own included). */
  votes?: number;
  /** The newest entries (at most 50), oldest first. */
  log: Entry[];
  /** Leader: each follower's next and match index. */
  progress?: Record<NodeId, { next: number; match: number }>;
  voters: NodeId[];
  stopped: boolean;
  removed: boolean;
}

const VIEW_LOG = 50;

/**
 * One member's raft: the role machine (an XState actor on the world clock) over the member's
 * state and storage. Incoming messages go in through `step`; outgoing messages, committed
 * entries and role changes come out through the callbacks, after each event.
 */
export class RaftNode {
  readonly id: NodeId;
  private readonly s: RaftState;
  private readonly actor: Actor<typeof raftMachine>;
  private readonly ctx: RaftMachineContext;
  private applied: number;
  private stopped = false;
  private removed = false;
  private flushing = false;
  private reported: { role: RaftRole; term: number; lead: NodeId | undefined };
  private tracedCommit: number;
  private startTimer: number | undefined;
  /** The leader's heartbeat timer: runs while the role is leader (TICK, see machine.ts). */
  private tickTimer: number | undefined;
  /** The election timer the machine arms in follower and candidate (ELECTION, see machine.ts). */
  private electionTimer: number | undefined;
  private readonly name: string;
  private readonly nameOf: (id: NodeId) => string;

  /**
   * A fresh member's storage, as etcd's raft.StartNode makes it: one addNode confChange per
   * initial peer at term 1, all committed. The owner applies them like any committed entry.
   */
  static bootstrapStorage(peers: readonly (NodeId | { id: NodeId; context?: unknown })[]): RaftStorage {
    const log: Entry[] = [DUMMY_ENTRY];
    peers.forEach((p, i) => {
      const cc: ConfChange =
        typeof p === 'string' ? { type: 'addNode', nodeId: p } : { type: 'addNode', nodeId: p.id, context: p.context };
      log.push({ index: i + 1, term: 1, type: 'confChange', data: cc });
    });
    return { term: 1, vote: undefined, commit: peers.length, log };
  }

  constructor(private readonly opts: RaftNodeOptions) {
    this.id = opts.id;
    this.name = opts.name ?? opts.id;
    this.nameOf = opts.nameOf ?? ((id) => id);
    const storage = opts.storage;
    ensureDummy(storage);
    const electionMs = opts.electionMs ?? 1000;
    const heartbeatMs = opts.heartbeatMs ?? 100;
    this.applied = Math.min(opts.appliedIndex ?? 0, storage.commit);
    const randomTimeout = () => opts.rng.int(electionMs, 2 * electionMs - 1);
    this.s = createRaftState({
      id: opts.id,
      storage,
      voters: opts.peers ?? votersFromLog(storage, this.applied),
      now: opts.clock.now(),
      timeoutMs: randomTimeout(),
      maxEntriesPerMsg: opts.maxEntriesPerMsg,
      maxInflight: opts.maxInflight,
      wantNotes: () => this.tracing(),
      logger: opts.logger,
    });
    this.reported = { role: 'follower', term: storage.term, lead: undefined };
    this.tracedCommit = storage.commit;
    this.ctx = {
      s: this.s,
      now: () => opts.clock.now(),
      randomTimeout,
      heartbeatMs,
      electionMs,
      armElection: (ms) => this.armElection(ms),
      disarmElection: () => this.disarmElection(),
    };
    this.actor = createActor(raftMachine, { clock: opts.clock, input: this.ctx });
    this.actor.start();
    // Subscribed after start: nothing reaches the owner before the constructor returns.
    this.actor.subscribe(() => this.flush());
    // Entries committed but not applied (a bootstrap's peers, a restart's tail) are handed over
    // right after construction, at the same virtual time, so the owner can hold the node first.
    if (this.applied < storage.commit) this.startTimer = opts.clock.schedule(() => this.flush(), 0);
  }

  get role(): RaftRole {
    return this.s.role;
  }

  get term(): number {
    return this.s.storage.term;
  }

  get leader(): NodeId | undefined {
    return this.s.lead;
  }

  get commitIndex(): number {
    return this.s.storage.commit;
  }

  get lastIndex(): number {
    return lastIndex(this.s.storage);
  }

  get appliedIndex(): number {
    return this.applied;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  get isRemoved(): boolean {
    return this.removed;
  }

  /** The current voters. */
  voters(): NodeId[] {
    return [...this.s.prs.keys()];
  }

  /** An incoming message from the network. */
  step(msg: RaftMessage): void {
    if (this.stopped || msg.to !== this.id) return;
    this.deliver(msg);
  }

  private deliver(msg: RaftMessage): void {
    if (stepInPlace(this.ctx, msg)) this.flush();
    else this.actor.send({ type: 'MSG', msg });
  }

  /**
   * Proposes a normal entry. On the leader it is appended and replicated; a follower that knows
   * its leader forwards it (MsgProp); with no leader it is dropped: false (etcd: the client's
   * request times out). True does not mean it will commit.
   */
  propose(data: unknown): boolean {
    return this.proposeEntry({ type: 'normal', data });
  }

  /** Proposes a membership change; the leader turns a second pending one into an empty entry. */
  proposeConfChange(cc: ConfChange): boolean {
    return this.proposeEntry({ type: 'confChange', data: cc });
  }

  private proposeEntry(e: ProposedEntry): boolean {
    if (this.stopped) return false;
    const s = this.s;
    const ok = s.role === 'leader' ? s.prs.has(s.id) : s.role === 'follower' && s.lead !== undefined;
    if (!ok) return false;
    this.deliver(msgProp(s.storage.term, this.id, this.id, [e]));
    return true;
  }

  /**
   * The owner applied a committed confChange entry: the voters change now (etcd
   * ApplyConfChange). A member that applies its own removal stops; a leader first tells its
   * followers the commit index, so they apply the removal too.
   */
  applyConfChange(cc: ConfChange): void {
    if (this.stopped) return;
    if (cc.type === 'addNode') addNode(this.s, cc.nodeId);
    else removeNode(this.s, cc.nodeId);
    if (cc.type === 'removeNode' && cc.nodeId === this.id) {
      this.removed = true;
      if (this.s.role === 'leader') bcastHeartbeat(this.s);
      this.stop();
    }
    this.flush();
  }

  /** A crash: the actor and its timers stop; the storage stays as it is. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.opts.clock.cancel(this.startTimer);
    this.cancelTick();
    this.disarmElection();
    // Inside a flush (an owner callback) the actor is mid-event: stop it once the flush is done.
    if (!this.flushing) this.actor.stop();
  }

  view(): RaftView {
    const s = this.s;
    const st = s.storage;
    const v: RaftView = {
      id: this.id,
      role: s.role,
      term: st.term,
      votedFor: st.vote,
      leader: s.lead,
      commitIndex: st.commit,
      appliedIndex: this.applied,
      lastIndex: lastIndex(st),
      lastTerm: lastTerm(st),
      log: st.log.slice(Math.max(1, st.log.length - VIEW_LOG)),
      voters: [...s.prs.keys()],
      stopped: this.stopped,
      removed: this.removed,
    };
    if (!this.stopped && s.role !== 'leader') {
      v.electionDeadline = electionDeadline(s);
      v.electionTimeoutMs = s.electionTimeoutMs;
    }
    if (s.role === 'candidate') v.votes = grantedVotes(s);
    if (s.role === 'leader') {
      v.progress = {};
      for (const [id, pr] of s.prs) if (id !== this.id) v.progress[id] = { next: pr.next, match: pr.match };
    }
    return v;
  }

  /** Drains what the rules produced: role change, messages, trace notes, committed entries. */
  private flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (;;) {
        let more = false;
        const s = this.s;
        const r = this.reported;
        if (r.role !== s.role || r.term !== s.storage.term || r.lead !== s.lead) {
          // The heartbeat timer starts as the role becomes leader, before anything else is timed.
          if (s.role !== r.role) {
            if (s.role === 'leader') this.scheduleTick();
            else if (r.role === 'leader') this.cancelTick();
          }
          this.reported = { role: s.role, term: s.storage.term, lead: s.lead };
          this.emit({ type: 'raft.role', member: this.id, role: s.role, term: s.storage.term, leader: s.lead === undefined ? undefined : this.nameOf(s.lead) });
          this.opts.onRoleChange?.(s.role, s.storage.term, s.lead);
          more = true;
        }
        if (s.notes.length > 0) {
          if (this.tracing()) {
            const notes = s.notes;
            s.notes = [];
            for (const n of notes) {
              if (n.kind === 'append') this.emit({ type: 'raft.append', from: n.from, to: n.to, term: n.term });
              else this.emit({ type: 'raft.vote', term: n.term, votedFor: this.nameOf(n.votedFor) });
            }
          } else while (s.notes.length > 0) s.notes.pop();
        }
        if (s.msgs.length > 0) {
          // The same outbox, emptied by pop: a fresh one cost a new backing store per flush, and
          // pop, unlike `length = 0`, leaves a small array its storage. Sending never re-enters
          // the node (the network delivers later), so nothing is pushed while it drains.
          const msgs = s.msgs;
          for (let i = 0; i < msgs.length; i++) this.opts.send(msgs[i]!.to, msgs[i]!);
          while (msgs.length > 0) msgs.pop();
        }
        const commit = s.storage.commit;
        if (commit > this.tracedCommit) {
          this.tracedCommit = commit;
          if (this.tracing()) this.emit({ type: 'raft.commit', index: commit });
        }
        if (!this.stopped && this.applied < commit) {
          const ents = s.storage.log.slice(this.applied + 1, commit + 1);
          this.applied = commit;
          this.opts.onCommitted?.(ents);
          more = true;
        }
        if (!more && s.msgs.length === 0 && s.notes.length === 0) break;
      }
    } finally {
      this.flushing = false;
    }
    if (this.stopped && this.actor.getSnapshot().status === 'active') this.actor.stop();
  }

  private armElection(ms: number): void {
    this.opts.clock.cancel(this.electionTimer);
    this.electionTimer = this.opts.clock.schedule(() => this.electionFired(), ms);
  }

  private disarmElection(): void {
    this.opts.clock.cancel(this.electionTimer);
    this.electionTimer = undefined;
  }

  /** The election timer fired: re-armed in place while the deadline has moved, else ELECTION. */
  private electionFired(): void {
    this.electionTimer = undefined;
    if (this.stopped) return;
    if (electionInPlace(this.ctx)) {
      this.armElection(Math.max(0, electionDeadline(this.s) - this.opts.clock.now()));
      this.flush();
    } else this.actor.send({ type: 'ELECTION' });
  }

  private scheduleTick(): void {
    this.tickTimer = this.opts.clock.schedule(() => this.tick(), this.ctx.heartbeatMs);
  }

  private cancelTick(): void {
    this.opts.clock.cancel(this.tickTimer);
    this.tickTimer = undefined;
  }

  /** A heartbeat interval passed: tick in place, the next tick timed first; or TICK through the machine. */
  private tick(): void {
    this.tickTimer = undefined;
    if (this.stopped) return;
    if (tickInPlace(this.ctx)) {
      this.scheduleTick();
      this.flush();
    } else this.actor.send({ type: 'TICK' });
  }

  private tracing(): boolean {
    return this.opts.trace !== undefined && (this.opts.traceActive?.() ?? true);
  }

  private emit(e: DistributiveOmit<RaftTraceEvent, 't' | 'host'>): void {
    const trace = this.opts.trace;
    // The event literal is fresh at every call site: complete it in place rather than copy.
    if (trace) trace(Object.assign(e, { t: this.opts.clock.now(), host: this.name }) as RaftTraceEvent);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The voters after `applied` entries, by storage: a member's log is never compacted, and every
 * boot would scan all of it. Applied entries are committed, so they never change.
 */
const votersMemo = new WeakMap<RaftStorage, { upTo: number; at: Entry | undefined; voters: Set<NodeId> }>();

/** The voters after applying the log's confChange entries up to `applied`. */
function votersFromLog(st: RaftStorage, applied: number): NodeId[] {
  const end = Math.min(applied, st.log.length - 1);
  let memo = votersMemo.get(st);
  // The entry it stopped at must still be there (a log rewritten by hand starts over).
  if (memo === undefined || memo.upTo > end || st.log[memo.upTo] !== memo.at) {
    votersMemo.set(st, (memo = { upTo: 0, at: st.log[0], voters: new Set() }));
  }
  const voters = memo.voters;
  for (let i = memo.upTo + 1; i <= end; i++) {
    const e = st.log[i]!;
    if (e.type !== 'confChange') continue;
    const cc = e.data as ConfChange;
    if (cc.type === 'addNode') voters.add(cc.nodeId);
    else voters.delete(cc.nodeId);
  }
  memo.upTo = end;
  memo.at = st.log[end];
  return [...voters];
}
