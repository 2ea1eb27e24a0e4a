import { WorldClock } from '../../../src/sim/clock.ts';
import { Rng } from '../../../src/sim/rng.ts';
import { RaftNode, type RaftNodeOptions } from '../../../src/etcd/raft/node.ts';
import { emptyStorage } from '../../../src/etcd/raft/log.ts';
import type { ConfChange, Entry, NodeId, RaftMessage, RaftRole, RaftStorage } from '../../../src/etcd/raft/types.ts';

/** What a member keeps across crashes: raft storage plus its applied state machine. */
export interface Disk {
  storage: RaftStorage;
  appliedIndex: number;
  /** The state machine: every applied entry, in order. */
  applied: Entry[];
}

export interface HarnessOptions {
  seed?: number;
  minLatencyMs?: number;
  maxLatencyMs?: number;
  /** Probability that a message is lost. */
  loss?: number;
  nodeOptions?: Partial<RaftNodeOptions>;
}

/**
 * A small in-test world for raft: a WorldClock, an Rng and a network that delivers messages a
 * few ms later, with crash/restart from storage, partitions and message drops. It also watches
 * the safety properties as the run goes (one leader per term, committed entries in every later
 * leader's log, leader logs only growing).
 */
export class RaftHarness {
  readonly clock = new WorldClock();
  readonly rng: Rng;
  readonly nodes = new Map<NodeId, RaftNode>();
  readonly disks = new Map<NodeId, Disk>();
  readonly down = new Set<NodeId>();
  /** Members that applied their own removal. */
  readonly removed = new Set<NodeId>();
  /** term -> members that became leader in it. */
  readonly leadersByTerm = new Map<number, Set<NodeId>>();
  /** index -> the first entry any member applied there. */
  readonly committed = new Map<number, Entry>();
  readonly violations: string[] = [];
  delivered = 0;
  dropped = 0;
  /** Drop a message when this returns true. */
  drop: ((m: RaftMessage) => boolean) | undefined;
  private group: Map<NodeId, number> | undefined;
  private leaderLogs = new Map<NodeId, { term: number; entries: Entry[] }>();

  constructor(
    ids: readonly NodeId[],
    private readonly opts: HarnessOptions = {},
  ) {
    this.rng = new Rng(opts.seed ?? 1);
    const boot = RaftNode.bootstrapStorage(ids);
    for (const id of ids) {
      const storage: RaftStorage = { term: boot.term, vote: undefined, commit: boot.commit, log: [...boot.log] };
      this.disks.set(id, { storage, appliedIndex: 0, applied: [] });
      this.start(id);
    }
  }

  /** Starts (or restarts) a member from its disk. */
  start(id: NodeId, extra: Partial<RaftNodeOptions> = {}): RaftNode {
    let disk = this.disks.get(id);
    if (!disk) {
      disk = { storage: emptyStorage(), appliedIndex: 0, applied: [] };
      this.disks.set(id, disk);
    }
    const d = disk;
    this.down.delete(id);
    const node: RaftNode = new RaftNode({
      id,
      storage: d.storage,
      clock: this.clock,
      rng: this.rng,
      appliedIndex: d.appliedIndex,
      send: (to, m) => this.send(id, to, m),
      onCommitted: (ents) => this.apply(id, d, ents),
      onRoleChange: (role, term) => this.roleChanged(id, role, term),
      ...this.opts.nodeOptions,
      ...extra,
    });
    this.nodes.set(id, node);
    return node;
  }

  crash(id: NodeId): void {
    this.nodes.get(id)?.stop();
    this.down.add(id);
    this.leaderLogs.delete(id);
  }

  restart(id: NodeId): RaftNode {
    this.crash(id);
    return this.start(id);
  }

  partition(...groups: NodeId[][]): void {
    this.group = new Map();
    groups.forEach((g, i) => g.forEach((id) => this.group!.set(id, i)));
  }

  heal(): void {
    this.group = undefined;
  }

  private reachable(a: NodeId, b: NodeId): boolean {
    if (this.down.has(a) || this.down.has(b)) return false;
    return !this.group || this.group.get(a) === this.group.get(b);
  }

  private send(from: NodeId, to: NodeId, m: RaftMessage): void {
    if (m.to !== to || m.from === undefined) this.violations.push(`bad envelope ${JSON.stringify(m)}`);
    if (!this.reachable(from, to) || this.drop?.(m) || (this.opts.loss && this.rng.chance(this.opts.loss))) {
      this.dropped++;
      return;
    }
    const delay = this.rng.int(this.opts.minLatencyMs ?? 2, this.opts.maxLatencyMs ?? 8);
    this.clock.schedule(() => {
      if (!this.reachable(from, to)) {
        this.dropped++;
        return;
      }
      this.delivered++;
      this.nodes.get(to)?.step(m);
    }, delay);
  }

  private apply(id: NodeId, d: Disk, ents: Entry[]): void {
    for (const e of ents) {
      if (e.index !== d.appliedIndex + 1) this.violations.push(`${id} applied ${e.index} after ${d.appliedIndex}`);
      d.appliedIndex = e.index;
      d.applied.push(e);
      const first = this.committed.get(e.index);
      if (!first) this.committed.set(e.index, e);
      else if (first.term !== e.term || first.data !== e.data) {
        this.violations.push(`State Machine Safety: ${id} applied ${e.index}/${e.term} where another applied ${first.index}/${first.term}`);
      }
      if (e.type === 'confChange') {
        const cc = e.data as ConfChange;
        this.nodes.get(id)?.applyConfChange(cc);
        if (cc.type === 'removeNode' && cc.nodeId === id) {
          this.removed.add(id);
          this.down.add(id);
        }
      }
    }
  }

  private roleChanged(id: NodeId, role: RaftRole, term: number): void {
    if (role !== 'leader') {
      this.leaderLogs.delete(id);
      return;
    }
    let set = this.leadersByTerm.get(term);
    if (!set) this.leadersByTerm.set(term, (set = new Set()));
    set.add(id);
    if (set.size > 1) this.violations.push(`Election Safety: term ${term} has leaders ${[...set].join(',')}`);
    // Leader Completeness: every entry applied anywhere is in the new leader's log.
    const log = this.disks.get(id)!.storage.log;
    for (const [i, e] of this.committed) {
      if (log[i]?.term !== e.term) this.violations.push(`Leader Completeness: leader ${id} of term ${term} lacks committed ${i}/${e.term}`);
    }
    this.leaderLogs.set(id, { term, entries: log.slice() });
  }

  /** Leader Append-Only: a leader's log still starts with what it held when elected. */
  checkLeaderLogs(): void {
    for (const [id, snap] of this.leaderLogs) {
      const node = this.nodes.get(id)!;
      if (node.role !== 'leader' || node.term !== snap.term) continue;
      const log = this.disks.get(id)!.storage.log;
      for (let i = 0; i < snap.entries.length; i++) {
        if (log[i] !== snap.entries[i]) {
          this.violations.push(`Leader Append-Only: leader ${id} changed entry ${i}`);
          break;
        }
      }
    }
  }

  /** Log Matching over every pair of members' logs. */
  checkLogMatching(): void {
    const ids = [...this.disks.keys()];
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const la = this.disks.get(ids[a]!)!.storage.log;
        const lb = this.disks.get(ids[b]!)!.storage.log;
        let i = Math.min(la.length, lb.length) - 1;
        while (i > 0 && la[i]!.term !== lb[i]!.term) i--;
        for (let j = 1; j <= i; j++) {
          const x = la[j]!;
          const y = lb[j]!;
          if (x.term !== y.term || x.type !== y.type || x.data !== y.data) {
            this.violations.push(`Log Matching: ${ids[a]} and ${ids[b]} agree at ${i} but differ at ${j}`);
            break;
          }
        }
      }
    }
  }

  /** Runs virtual time forward by `ms`. */
  run(ms: number): void {
    const end = this.clock.now() + ms;
    while (this.clock.step(end));
    this.clock.jumpTo(end);
  }

  /** Runs until `pred` holds (checked after every event) or `maxMs` passed; returns whether it held. */
  runUntil(pred: () => boolean, maxMs = 30_000): boolean {
    const end = this.clock.now() + maxMs;
    while (!pred()) if (!this.clock.step(end)) return pred();
    return true;
  }

  live(): RaftNode[] {
    return [...this.nodes].filter(([id]) => !this.down.has(id)).map(([, n]) => n);
  }

  /** The live leader of the highest term, if any. */
  leader(): RaftNode | undefined {
    let best: RaftNode | undefined;
    for (const n of this.live()) if (n.role === 'leader' && (!best || n.term > best.term)) best = n;
    return best;
  }

  node(id: NodeId): RaftNode {
    return this.nodes.get(id)!;
  }

  applied(id: NodeId): Entry[] {
    return this.disks.get(id)!.applied;
  }

  /** The data of the normal, non-empty entries a member applied, in order. */
  appliedData(id: NodeId): unknown[] {
    return this.applied(id).filter((e) => e.type === 'normal' && e.data !== undefined).map((e) => e.data);
  }

  log(id: NodeId): Entry[] {
    return this.disks.get(id)!.storage.log;
  }
}
