import { describe, it, expect } from 'vitest';
import { WorldClock } from '../../../src/sim/clock.ts';
import { Rng } from '../../../src/sim/rng.ts';
import { RaftNode, type RaftNodeOptions, type RaftTraceEvent } from '../../../src/etcd/raft/node.ts';
import type { ConfChange, Entry, NodeId, RaftMessage, RaftStorage } from '../../../src/etcd/raft/types.ts';

interface Rig {
  node: RaftNode;
  clock: WorldClock;
  sent: RaftMessage[];
  committed: Entry[];
  roles: [string, number, NodeId | undefined][];
  trace: RaftTraceEvent[];
  storage: RaftStorage;
}

/** One node whose messages are captured, on its own clock; it applies its confChanges itself. */
function rig(id: NodeId, peers: NodeId[], opts: Partial<RaftNodeOptions> & { storage?: RaftStorage; clock?: WorldClock; rng?: Rng } = {}): Rig {
  const clock = opts.clock ?? new WorldClock();
  const storage = opts.storage ?? RaftNode.bootstrapStorage(peers);
  const r: Rig = { clock, sent: [], committed: [], roles: [], trace: [], storage } as unknown as Rig;
  r.node = new RaftNode({
    id,
    storage,
    clock,
    rng: opts.rng ?? new Rng(7),
    send: (to, m) => {
      expect(m.to).toBe(to);
      r.sent.push(m);
    },
    onCommitted: (es) => {
      r.committed.push(...es);
      for (const e of es) if (e.type === 'confChange') r.node.applyConfChange(e.data as ConfChange);
    },
    onRoleChange: (role, term, leader) => r.roles.push([role, term, leader]),
    trace: (e) => r.trace.push(e),
    ...opts,
  });
  return r;
}

function take(r: Rig): RaftMessage[] {
  const out = r.sent;
  r.sent = [];
  return out;
}

/** Runs the rig's clock to `t`. */
function runTo(r: Rig, t: number): void {
  while (r.clock.step(t));
  r.clock.jumpTo(t);
}

/** Makes `r.node` (of peers a, b, c) a leader: its timer fires and b grants its vote. */
function elect(r: Rig): void {
  while (r.node.role !== 'candidate' && r.clock.step());
  const term = r.node.term;
  r.node.step({ type: 'MsgVoteResp', term, from: 'b', to: r.node.id, reject: false });
  expect(r.node.role).toBe('leader');
}

describe('RaftNode', () => {
  it('bootstrapStorage is what etcd\'s StartNode writes: one addNode per peer at term 1, all committed', () => {
    const st = RaftNode.bootstrapStorage(['a', { id: 'b', context: { name: 'core-02' } }]);
    expect(st.term).toBe(1);
    expect(st.vote).toBeUndefined();
    expect(st.commit).toBe(2);
    expect(st.log.slice(1)).toEqual([
      { index: 1, term: 1, type: 'confChange', data: { type: 'addNode', nodeId: 'a' } },
      { index: 2, term: 1, type: 'confChange', data: { type: 'addNode', nodeId: 'b', context: { name: 'core-02' } } },
    ]);
  });

  it('hands the committed, unapplied entries to the owner right after construction, in order, once', () => {
    const r = rig('a', ['a', 'b', 'c']);
    expect(r.committed).toEqual([]);
    runTo(r, 0);
    expect(r.committed.map((e) => e.index)).toEqual([1, 2, 3]);
    expect(r.node.voters().sort()).toEqual(['a', 'b', 'c']);
    runTo(r, 10_000);
    expect(r.committed.map((e) => e.index).filter((i) => i <= 3)).toEqual([1, 2, 3]);
  });

  it('starts after the applied index the owner gives, with the voters of the applied configuration', () => {
    const st = RaftNode.bootstrapStorage(['a', 'b', 'c']);
    st.log.push({ index: 4, term: 1, type: 'normal', data: 'x' }, { index: 5, term: 1, type: 'normal', data: 'y' });
    st.commit = 5;
    const r = rig('a', [], { storage: st, appliedIndex: 4 });
    expect(r.node.voters().sort()).toEqual(['a', 'b', 'c']);
    runTo(r, 0);
    expect(r.committed.map((e) => e.data)).toEqual(['y']);
  });

  it('a follower\'s election timeout is randomized in [1000, 2000) ms, per member', () => {
    const clock = new WorldClock();
    const rng = new Rng(3);
    const timeouts = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => rig(id, ['a', 'b', 'c'], { clock, rng }).node.view());
    for (const v of timeouts) {
      expect(v.electionTimeoutMs).toBeGreaterThanOrEqual(1000);
      expect(v.electionTimeoutMs).toBeLessThan(2000);
      expect(v.electionDeadline).toBe(v.electionTimeoutMs);
    }
    expect(new Set(timeouts.map((v) => v.electionTimeoutMs)).size).toBeGreaterThan(1);
  });

  it('a follower that hears from no leader campaigns when its timer fires: term + 1, its own vote, MsgVote to every peer', () => {
    const r = rig('a', ['a', 'b', 'c']);
    const deadline = r.node.view().electionDeadline!;
    runTo(r, deadline - 1);
    expect(r.node.role).toBe('follower');
    runTo(r, deadline);
    expect(r.node.role).toBe('candidate');
    expect(r.node.term).toBe(2);
    expect(r.storage.vote).toBe('a');
    const votes = take(r).filter((m) => m.type === 'MsgVote');
    expect(votes.map((m) => [m.to, m.term])).toEqual([
      ['b', 2],
      ['c', 2],
    ]);
    expect(r.node.view().votes).toBe(1);
  });

  it('a follower resets its election timer on each valid message from the current leader', () => {
    const r = rig('a', ['a', 'b', 'c']);
    for (let t = 0; t <= 10_000; t += 500) {
      runTo(r, t);
      r.node.step({ type: 'MsgHeartbeat', term: 1, from: 'b', to: 'a', commit: 0 });
    }
    expect(r.node.role).toBe('follower');
    expect(r.node.leader).toBe('b');
    expect(r.node.view().electionDeadline).toBe(10_000 + r.node.view().electionTimeoutMs!);
  });

  it('a stale leader\'s messages do not reset the timer', () => {
    const st = RaftNode.bootstrapStorage(['a', 'b', 'c']);
    st.term = 5;
    const r = rig('a', [], { storage: st, appliedIndex: 3 });
    const deadline = r.node.view().electionDeadline!;
    runTo(r, deadline - 10);
    r.node.step({ type: 'MsgHeartbeat', term: 4, from: 'b', to: 'a', commit: 0 });
    expect(take(r)).toEqual([]); // no answer either (etcd 2.3)
    runTo(r, deadline);
    expect(r.node.role).toBe('candidate');
  });

  it('a candidate with a majority becomes leader, appends an empty entry of its term and sends it to every peer', () => {
    const r = rig('a', ['a', 'b', 'c']);
    elect(r);
    expect(r.node.leader).toBe('a');
    expect(r.storage.log[4]).toEqual({ index: 4, term: 2, type: 'normal', data: undefined });
    const apps = take(r).filter((m) => m.type === 'MsgApp');
    expect(apps.map((m) => m.to)).toEqual(['b', 'c']);
    expect(r.roles.at(-1)).toEqual(['leader', 2, 'a']);
  });

  it('a lone member elects itself and commits its own entry', () => {
    const r = rig('a', ['a']);
    runTo(r, 2000);
    expect(r.node.role).toBe('leader');
    expect(r.node.commitIndex).toBe(2);
    expect(r.node.propose('x')).toBe(true);
    expect(r.committed.map((e) => e.data)).toContain('x');
  });

  it('a split vote: a candidate whose timer runs out starts a new election in a new term', () => {
    const r = rig('a', ['a', 'b', 'c']);
    while (r.node.role !== 'candidate' && r.clock.step());
    const deadline = r.node.view().electionDeadline!;
    runTo(r, deadline);
    expect(r.node.role).toBe('candidate');
    expect(r.node.term).toBe(3);
  });

  it('a candidate that hears from the leader of its term becomes its follower', () => {
    const r = rig('a', ['a', 'b', 'c']);
    while (r.node.role !== 'candidate' && r.clock.step());
    r.node.step({ type: 'MsgHeartbeat', term: 2, from: 'c', to: 'a', commit: 0 });
    expect(r.node.role).toBe('follower');
    expect(r.node.leader).toBe('c');
    expect(r.roles.at(-1)).toEqual(['follower', 2, 'c']);
  });

  it('the leader sends MsgHeartbeat to every peer every 100 ms', () => {
    const r = rig('a', ['a', 'b', 'c']);
    elect(r);
    const t0 = r.clock.now();
    take(r);
    runTo(r, t0 + 350);
    const hbs = take(r).filter((m) => m.type === 'MsgHeartbeat');
    expect(hbs.map((m) => m.to)).toEqual(['b', 'c', 'b', 'c', 'b', 'c']);
  });

  it('CheckQuorum: a leader that hears from no quorum within an election timeout steps down', () => {
    const r = rig('a', ['a', 'b', 'c']);
    elect(r);
    const t0 = r.clock.now();
    runTo(r, t0 + 999);
    expect(r.node.role).toBe('leader');
    runTo(r, t0 + 1000);
    expect(r.node.role).toBe('follower');
    expect(r.node.term).toBe(2);
    expect(r.node.leader).toBeUndefined();
  });

  it('CheckQuorum: a leader that hears from a quorum stays', () => {
    const r = rig('a', ['a', 'b', 'c']);
    elect(r);
    const t0 = r.clock.now();
    for (let t = t0; t < t0 + 5000; t += 100) {
      runTo(r, t);
      r.node.step({ type: 'MsgHeartbeatResp', term: 2, from: 'b', to: 'a' });
    }
    expect(r.node.role).toBe('leader');
  });

  it('a higher-term message makes the leader a follower of that term', () => {
    const r = rig('a', ['a', 'b', 'c']);
    elect(r);
    r.node.step({ type: 'MsgVote', term: 9, from: 'c', to: 'a', index: 0, logTerm: 0 });
    expect(r.node.role).toBe('follower');
    expect(r.node.term).toBe(9);
    // c's log is behind: no vote.
    expect(take(r).filter((m) => m.type === 'MsgVoteResp')).toMatchObject([{ to: 'c', reject: true, term: 9 }]);
  });

  it('propose: the leader appends and replicates; a follower forwards to its leader; without a leader it is dropped', () => {
    const r = rig('a', ['a', 'b', 'c']);
    runTo(r, 0);
    expect(r.node.propose('lost')).toBe(false);
    r.node.step({ type: 'MsgHeartbeat', term: 1, from: 'b', to: 'a', commit: 0 });
    take(r);
    expect(r.node.propose('fwd')).toBe(true);
    expect(take(r)).toEqual([{ type: 'MsgProp', term: 1, from: 'a', to: 'b', entries: [{ type: 'normal', data: 'fwd' }] }]);

    const l = rig('a', ['a', 'b', 'c']);
    elect(l);
    // b accepted the leader's first entry: its progress streams (replicate) from now on.
    l.node.step({ type: 'MsgAppResp', term: 2, from: 'b', to: 'a', index: 4, reject: false, rejectHint: 0 });
    take(l);
    expect(l.node.propose('x')).toBe(true);
    expect(l.node.lastIndex).toBe(5);
    expect(take(l).some((m) => m.type === 'MsgApp' && m.entries.some((e) => e.data === 'x'))).toBe(true);
  });

  it('committed entries reach the owner when a quorum has them', () => {
    const r = rig('a', ['a', 'b', 'c']);
    elect(r);
    r.node.propose('x');
    expect(r.committed.some((e) => e.data === 'x')).toBe(false);
    r.node.step({ type: 'MsgAppResp', term: 2, from: 'b', to: 'a', index: 5, reject: false, rejectHint: 0 });
    expect(r.committed.map((e) => e.index)).toEqual([1, 2, 3, 4, 5]);
    expect(r.node.view()).toMatchObject({ commitIndex: 5, appliedIndex: 5, lastIndex: 5, role: 'leader' });
  });

  it('a member that is not a voter never campaigns', () => {
    const r = rig('z', [], { storage: { term: 0, commit: 0, log: [] } });
    runTo(r, 20_000);
    expect(r.node.role).toBe('follower');
    expect(r.node.term).toBe(0);
    expect(take(r)).toEqual([]);
  });

  it('stop is a crash: the timers go, the storage stays', () => {
    const r = rig('a', ['a', 'b', 'c']);
    elect(r);
    const before = JSON.stringify(r.storage);
    r.node.stop();
    expect(r.clock.pending()).toBe(0);
    r.node.step({ type: 'MsgVote', term: 9, from: 'c', to: 'a', index: 9, logTerm: 9 });
    expect(r.node.propose('x')).toBe(false);
    expect(JSON.stringify(r.storage)).toBe(before);
  });

  it('a member applying its own removal stops; a leader first tells its followers the commit', () => {
    const r = rig('a', ['a', 'b', 'c']);
    elect(r);
    r.node.step({ type: 'MsgAppResp', term: 2, from: 'b', to: 'a', index: 4, reject: false, rejectHint: 0 });
    take(r);
    expect(r.node.proposeConfChange({ type: 'removeNode', nodeId: 'a' })).toBe(true);
    r.node.step({ type: 'MsgAppResp', term: 2, from: 'b', to: 'a', index: 5, reject: false, rejectHint: 0 });
    expect(r.node.view()).toMatchObject({ removed: true, stopped: true });
    expect(take(r).filter((m) => m.type === 'MsgHeartbeat').map((m) => [m.to, (m as { commit: number }).commit])).toEqual([['b', 5], ['c', 0]]);
    expect(r.clock.pending()).toBe(0);
  });

  it('view() gives the screen\'s raft fields', () => {
    const r = rig('a', ['a', 'b', 'c']);
    runTo(r, 0);
    expect(r.node.view()).toMatchObject({ id: 'a', role: 'follower', term: 1, commitIndex: 3, appliedIndex: 3, lastIndex: 3, lastTerm: 1 });
    elect(r);
    const v = r.node.view();
    expect(v.electionDeadline).toBeUndefined();
    expect(v.votedFor).toBe('a');
    // Probing: the leader's first entry (index 4) is in flight, unanswered.
    expect(v.progress).toEqual({ b: { next: 4, match: 0 }, c: { next: 4, match: 0 } });
    expect(v.log.map((e) => e.index)).toEqual([1, 2, 3, 4]);
  });

  it('emits raft.role, raft.vote, raft.append and raft.commit trace events', () => {
    const r = rig('a', ['a', 'b', 'c'], { name: 'core-01', nameOf: (id) => `host-${id}` });
    elect(r);
    r.node.step({ type: 'MsgAppResp', term: 2, from: 'b', to: 'a', index: 4, reject: false, rejectHint: 0 });
    const t = r.clock.now();
    expect(r.trace).toContainEqual({ t, type: 'raft.role', host: 'core-01', member: 'a', role: 'candidate', term: 2, leader: undefined });
    expect(r.trace).toContainEqual({ t, type: 'raft.vote', host: 'core-01', term: 2, votedFor: 'host-a' });
    expect(r.trace).toContainEqual({ t, type: 'raft.role', host: 'core-01', member: 'a', role: 'leader', term: 2, leader: 'host-a' });
    expect(r.trace).toContainEqual({ t, type: 'raft.append', host: 'core-01', from: 4, to: 4, term: 2 });
    expect(r.trace).toContainEqual({ t, type: 'raft.commit', host: 'core-01', index: 4 });
  });
});
