import type { World } from '../../sim/world.ts';
import type { NetMessage } from '../../sim/network.ts';
import type { EtcdRole, MemberSnapshot } from '../../snapshot.ts';

/**
 * A small stand-in for an etcd member (Raft with etcd's message names and timings), used only
 * until the real simulation lands, so the screen can be built and tested against live traffic.
 */

export const RAFT_PORT = 2380;
const HEARTBEAT_MS = 100;
const ELECTION_MS = 1000;

export interface MockEntry {
  term: number;
  index: number;
  /** A keyspace write; undefined for the leader's empty entry. */
  op?: { reqId: string; action: 'set' | 'delete'; key: string; value?: string };
}

interface Msg {
  type: string;
  term: number;
  index?: number;
  logTerm?: number;
  commit?: number;
  reject?: boolean;
  entries?: MockEntry[];
}

export class MockMember {
  role: EtcdRole = 'follower';
  term = 0;
  votedFor?: string;
  leader?: string;
  log: MockEntry[] = [];
  commitIndex = 0;
  appliedIndex = 0;
  etcdIndex = 0;
  store = new Map<string, { value: string; modified: number }>();
  private votes = new Set<string>();
  private electionTimer?: number;
  private heartbeatTimer?: number;
  private electionDeadline = 0;
  private electionTimeout = ELECTION_MS;
  private progress = new Map<string, { next: number; match: number }>();
  /** Called whenever an entry is applied (watchers, waiting `set` commands). */
  readonly applyListeners = new Set<(e: MockEntry, etcdIndex: number) => void>();

  constructor(
    private world: World,
    readonly name: string,
    readonly id: string,
    private peers: () => string[],
  ) {}

  start(): void {
    this.role = 'follower';
    this.leader = undefined;
    this.world.net.listen(this.name, RAFT_PORT, (m) => this.receive(m));
    this.emitRole();
    this.resetElectionTimer();
  }

  stop(): void {
    this.world.clock.clearTimeout(this.electionTimer);
    this.world.clock.clearTimeout(this.heartbeatTimer);
    this.role = 'offline';
    this.leader = undefined;
    // A crash loses volatile state; the log and term survive (they are on disk).
    this.commitIndex = Math.min(this.commitIndex, this.appliedIndex);
  }

  /** Starts a write: appended on the leader (directly or through MsgProp). False without a leader. */
  propose(op: NonNullable<MockEntry['op']>): boolean {
    if (this.role === 'leader') {
      this.appendOwn([op]);
      return true;
    }
    if (!this.leader) return false;
    this.send(this.leader, 'MsgProp', { type: 'MsgProp', term: this.term, entries: [{ term: 0, index: 0, op }] });
    return true;
  }

  snapshot(now: number): MemberSnapshot {
    const s: MemberSnapshot = {
      id: this.id,
      name: this.name,
      role: this.role,
      term: this.term,
      votedFor: this.votedFor,
      leader: this.leader,
      commitIndex: this.commitIndex,
      appliedIndex: this.appliedIndex,
      lastIndex: this.lastIndex(),
      etcdIndex: this.etcdIndex,
      log: this.log.slice(-50).map((e) => ({
        index: e.index,
        term: e.term,
        committed: e.index <= this.commitIndex,
        summary: e.op ? (e.op.action === 'set' ? `PUT ${e.op.key}` : `DELETE ${e.op.key}`) : '(empty)',
      })),
    };
    if (this.role === 'follower' || this.role === 'candidate') {
      s.electionDeadline = this.electionDeadline;
      s.electionTimeoutMs = this.electionTimeout;
    }
    if (this.role === 'candidate') s.votes = this.votes.size;
    if (this.role === 'leader') s.progress = Object.fromEntries([...this.progress].map(([k, v]) => [k, { ...v }]));
    void now;
    return s;
  }

  private lastIndex(): number {
    return this.log.length ? this.log[this.log.length - 1]!.index : 0;
  }

  private termAt(i: number): number {
    return i === 0 ? 0 : (this.log[i - 1]?.term ?? 0);
  }

  private emitRole(): void {
    this.world.trace.emit({
      t: this.world.now(),
      type: 'raft.role',
      host: this.name,
      member: this.id,
      role: this.role,
      term: this.term,
      leader: this.leader,
    });
  }

  private resetElectionTimer(): void {
    this.world.clock.clearTimeout(this.electionTimer);
    // etcd randomizes the timeout in [election, 2 * election).
    this.electionTimeout = ELECTION_MS + this.world.rng.int(0, ELECTION_MS - 1);
    this.electionDeadline = this.world.now() + this.electionTimeout;
    this.electionTimer = this.world.clock.setTimeout(() => this.campaign(), this.electionTimeout);
  }

  private send(to: string, kind: string, m: Msg): void {
    this.world.net.send(this.name, to, RAFT_PORT, kind, m, { unreliable: true });
  }

  private becomeFollower(term: number, leader?: string): void {
    const changed = this.role !== 'follower' || term !== this.term || leader !== this.leader;
    if (term > this.term) this.votedFor = undefined;
    this.term = term;
    this.role = 'follower';
    this.leader = leader;
    this.world.clock.clearTimeout(this.heartbeatTimer);
    this.resetElectionTimer();
    if (changed) this.emitRole();
  }

  private campaign(): void {
    this.term++;
    this.role = 'candidate';
    this.leader = undefined;
    this.votedFor = this.name;
    this.votes = new Set([this.name]);
    this.world.trace.emit({ t: this.world.now(), type: 'raft.vote', host: this.name, term: this.term, votedFor: this.name });
    this.emitRole();
    this.resetElectionTimer();
    for (const p of this.peers()) {
      this.send(p, 'MsgVote', { type: 'MsgVote', term: this.term, index: this.lastIndex(), logTerm: this.termAt(this.lastIndex()) });
    }
    this.maybeWin();
  }

  private maybeWin(): void {
    const quorum = Math.floor((this.peers().length + 1) / 2) + 1;
    if (this.role !== 'candidate' || this.votes.size < quorum) return;
    this.role = 'leader';
    this.leader = this.name;
    this.world.clock.clearTimeout(this.electionTimer);
    this.progress.clear();
    for (const p of this.peers()) this.progress.set(p, { next: this.lastIndex() + 1, match: 0 });
    this.emitRole();
    this.appendOwn([undefined]);
    this.heartbeat();
  }

  private appendOwn(ops: (MockEntry['op'] | undefined)[]): void {
    const from = this.lastIndex() + 1;
    for (const op of ops) this.log.push({ term: this.term, index: this.lastIndex() + 1, op });
    this.world.trace.emit({ t: this.world.now(), type: 'raft.append', host: this.name, from, to: this.lastIndex(), term: this.term });
    for (const p of this.peers()) this.sendAppend(p);
    this.maybeCommit();
  }

  private sendAppend(p: string): void {
    const pr = this.progress.get(p);
    if (!pr) return;
    const prev = pr.next - 1;
    const entries = this.log.slice(prev, prev + 64);
    this.send(p, 'MsgApp', { type: 'MsgApp', term: this.term, index: prev, logTerm: this.termAt(prev), entries, commit: this.commitIndex });
  }

  private heartbeat(): void {
    if (this.role !== 'leader') return;
    for (const p of this.peers()) {
      const pr = this.progress.get(p)!;
      this.send(p, 'MsgHeartbeat', { type: 'MsgHeartbeat', term: this.term, commit: Math.min(pr.match, this.commitIndex) });
    }
    this.heartbeatTimer = this.world.clock.setTimeout(() => this.heartbeat(), HEARTBEAT_MS);
  }

  private maybeCommit(): void {
    const matches = [this.lastIndex(), ...[...this.progress.values()].map((p) => p.match)].sort((a, b) => b - a);
    const n = matches[Math.floor((this.peers().length + 1) / 2)]!;
    if (n > this.commitIndex && this.termAt(n) === this.term) this.commitTo(n);
  }

  private commitTo(n: number): void {
    n = Math.min(n, this.lastIndex());
    if (n <= this.commitIndex) return;
    this.commitIndex = n;
    this.world.trace.emit({ t: this.world.now(), type: 'raft.commit', host: this.name, index: n });
    while (this.appliedIndex < this.commitIndex) {
      const e = this.log[this.appliedIndex]!;
      this.appliedIndex++;
      if (!e.op) continue;
      this.etcdIndex++;
      if (e.op.action === 'set') this.store.set(e.op.key, { value: e.op.value ?? '', modified: this.etcdIndex });
      else this.store.delete(e.op.key);
      this.world.trace.emit({
        t: this.world.now(),
        type: 'etcd.apply',
        host: this.name,
        raftIndex: e.index,
        etcdIndex: this.etcdIndex,
        action: e.op.action,
        key: e.op.key,
      });
      for (const l of [...this.applyListeners]) l(e, this.etcdIndex);
    }
  }

  private receive(nm: NetMessage): void {
    const m = nm.payload as Msg;
    const from = nm.from;
    if (m.type === 'MsgProp') {
      if (this.role === 'leader') this.appendOwn((m.entries ?? []).map((e) => e.op));
      return;
    }
    if (m.term > this.term) {
      const leader = m.type === 'MsgApp' || m.type === 'MsgHeartbeat' ? from : undefined;
      this.becomeFollower(m.term, leader);
    } else if (m.term < this.term) {
      if (m.type === 'MsgApp' || m.type === 'MsgHeartbeat') this.send(from, 'MsgAppResp', { type: 'MsgAppResp', term: this.term, reject: true });
      if (m.type === 'MsgVote') this.send(from, 'MsgVoteResp', { type: 'MsgVoteResp', term: this.term, reject: true });
      return;
    }
    switch (m.type) {
      case 'MsgVote': {
        const upToDate = (m.logTerm ?? 0) > this.termAt(this.lastIndex()) || ((m.logTerm ?? 0) === this.termAt(this.lastIndex()) && (m.index ?? 0) >= this.lastIndex());
        const grant = (this.votedFor === undefined || this.votedFor === from) && upToDate && this.leader === undefined;
        if (grant) {
          this.votedFor = from;
          this.world.trace.emit({ t: this.world.now(), type: 'raft.vote', host: this.name, term: this.term, votedFor: from });
          this.resetElectionTimer();
        }
        this.send(from, 'MsgVoteResp', { type: 'MsgVoteResp', term: this.term, reject: !grant });
        break;
      }
      case 'MsgVoteResp':
        if (this.role === 'candidate' && !m.reject) {
          this.votes.add(from);
          this.maybeWin();
        }
        break;
      case 'MsgHeartbeat':
        if (this.role !== 'follower' || this.leader !== from) this.becomeFollower(m.term, from);
        else this.resetElectionTimer();
        this.commitTo(m.commit ?? 0);
        this.send(from, 'MsgHeartbeatResp', { type: 'MsgHeartbeatResp', term: this.term });
        break;
      case 'MsgApp': {
        if (this.role !== 'follower' || this.leader !== from) this.becomeFollower(m.term, from);
        else this.resetElectionTimer();
        const prev = m.index ?? 0;
        if (prev > this.lastIndex() || this.termAt(prev) !== (m.logTerm ?? 0)) {
          this.send(from, 'MsgAppResp', { type: 'MsgAppResp', term: this.term, index: prev, reject: true });
          break;
        }
        const entries = m.entries ?? [];
        for (const e of entries) {
          if (this.termAt(e.index) !== e.term) this.log.length = e.index - 1;
          if (e.index > this.lastIndex()) this.log.push({ ...e });
        }
        if (entries.length) {
          this.world.trace.emit({ t: this.world.now(), type: 'raft.append', host: this.name, from: entries[0]!.index, to: this.lastIndex(), term: m.term });
        }
        const last = prev + entries.length;
        this.commitTo(Math.min(m.commit ?? 0, last));
        this.send(from, 'MsgAppResp', { type: 'MsgAppResp', term: this.term, index: last });
        break;
      }
      case 'MsgAppResp': {
        const pr = this.progress.get(from);
        if (this.role !== 'leader' || !pr) break;
        if (m.reject) {
          pr.next = Math.max(1, Math.min(pr.next - 1, (m.index ?? 0)));
          this.sendAppend(from);
        } else if ((m.index ?? 0) > pr.match) {
          pr.match = m.index ?? 0;
          pr.next = pr.match + 1;
          this.maybeCommit();
          if (pr.next <= this.lastIndex()) this.sendAppend(from);
        }
        break;
      }
      case 'MsgHeartbeatResp': {
        const pr = this.progress.get(from);
        if (this.role === 'leader' && pr && pr.match < this.lastIndex()) this.sendAppend(from);
        break;
      }
    }
  }
}
