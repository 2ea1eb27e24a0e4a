import { describe, it, expect } from 'vitest';
import { RaftHarness } from './harness.ts';
import type { RaftTraceEvent } from '../../../src/etcd/raft/node.ts';

const ABC = ['a', 'b', 'c'];
const FIVE = ['a', 'b', 'c', 'd', 'e'];

function electLeader(h: RaftHarness, maxMs = 10_000) {
  expect(h.runUntil(() => h.leader() !== undefined, maxMs)).toBe(true);
  return h.leader()!;
}

/** Every live member knows `leader` (after a heartbeat or two). */
function allFollow(h: RaftHarness, leader: string): boolean {
  return h.live().every((n) => n.leader === leader);
}

describe('raft cluster (in-test network)', () => {
  it('a leader is elected, and every member follows it in its term', () => {
    const h = new RaftHarness(FIVE, { seed: 11 });
    const l = electLeader(h);
    h.run(300);
    expect(h.live().filter((n) => n.role === 'leader')).toEqual([l]);
    expect(allFollow(h, l.id)).toBe(true);
    expect(new Set(h.live().map((n) => n.term))).toEqual(new Set([l.term]));
    // The first election happens once the first timer fires: between 1 and 2 s.
    expect(h.clock.now()).toBeLessThan(4000);
    expect(h.violations).toEqual([]);
  });

  it('after the leader crashes, a new leader is elected with a higher term', () => {
    const h = new RaftHarness(FIVE, { seed: 2 });
    const old = electLeader(h);
    h.run(500);
    h.crash(old.id);
    expect(h.runUntil(() => h.leader() !== undefined && h.leader() !== old, 10_000)).toBe(true);
    const nu = h.leader()!;
    expect(nu.term).toBeGreaterThan(old.term);
    h.run(300);
    expect(allFollow(h, nu.id)).toBe(true);
    expect(h.violations).toEqual([]);
  });

  it('proposals are committed on all live members in the same order, whoever takes them', () => {
    const h = new RaftHarness(FIVE, { seed: 3 });
    electLeader(h);
    h.run(300);
    const accepted: string[] = [];
    for (let i = 0; i < 60; i++) {
      const via = h.node(FIVE[i % 5]!);
      if (via.propose(`p${i}`)) accepted.push(`p${i}`);
      h.run(7);
    }
    h.run(1000);
    expect(accepted.length).toBe(60);
    const ref = h.appliedData('a');
    expect([...ref].sort()).toEqual([...accepted].sort());
    for (const id of FIVE) expect(h.appliedData(id)).toEqual(ref);
    expect(h.violations).toEqual([]);
  });

  it('a proposal with no leader known is dropped (false), as etcd drops it', () => {
    const h = new RaftHarness(ABC, { seed: 4 });
    h.run(0);
    expect(h.node('a').propose('early')).toBe(false);
  });

  it('a minority side cannot commit; the old leader steps down (CheckQuorum) and its uncommitted entries are overwritten after heal', () => {
    const h = new RaftHarness(FIVE, { seed: 5 });
    const old = electLeader(h);
    h.run(300);
    old.propose('before');
    h.run(200);
    const others = FIVE.filter((id) => id !== old.id);
    const minority = [old.id, others[0]!];
    const majority = others.slice(1);
    h.partition(minority, majority);

    const commitBefore = old.commitIndex;
    expect(old.propose('lost-1')).toBe(true);
    expect(old.propose('lost-2')).toBe(true);
    h.run(900);
    expect(old.commitIndex).toBe(commitBefore);
    // It checks its quorum once per election timeout: it steps down within two of them.
    h.run(1100);
    expect(old.role).toBe('follower');
    expect(old.propose('lost-3')).toBe(false);

    const nu = h.leader()!;
    expect(majority).toContain(nu.id);
    expect(nu.propose('kept')).toBe(true);
    h.run(500);
    for (const id of majority) expect(h.appliedData(id)).toEqual(['before', 'kept']);
    for (const id of minority) expect(h.appliedData(id)).toEqual(['before']);

    h.heal();
    h.run(5000);
    const l = h.leader()!;
    for (const id of FIVE) {
      expect(h.appliedData(id)).toEqual(['before', 'kept']);
      expect(h.log(id).map((e) => e.data)).not.toContain('lost-1');
      expect(h.log(id)).toEqual(h.log(l.id));
    }
    expect(h.violations).toEqual([]);
  });

  it('without PreVote a partitioned member keeps raising its term, and on heal its higher term forces a new election', () => {
    const h = new RaftHarness(ABC, { seed: 6 });
    const l = electLeader(h);
    h.run(300);
    const lone = ABC.find((id) => id !== l.id)!;
    h.partition([lone], ABC.filter((id) => id !== lone));
    h.run(10_000);
    const loneTerm = h.node(lone).term;
    expect(loneTerm).toBeGreaterThan(l.term + 3);
    expect(h.node(lone).role).toBe('candidate');
    expect(h.leader()!.id).toBe(l.id);
    l.propose('during');
    h.run(200);

    h.heal();
    h.run(5000);
    const after = h.leader()!;
    // Everyone moved to a term at least as high as the lone member's.
    expect(after.term).toBeGreaterThanOrEqual(loneTerm);
    // Its log lacked 'during': it could not win; a member with the full log leads.
    expect(after.id).not.toBe(lone);
    for (const id of ABC) expect(h.appliedData(id)).toEqual(['during']);
    expect(h.violations).toEqual([]);
  });

  it('a restarted member catches up from its persisted storage', () => {
    const h = new RaftHarness(FIVE, { seed: 7 });
    let l = electLeader(h);
    h.run(300);
    const victim = FIVE.find((id) => id !== l.id)!;
    for (let i = 0; i < 10; i++) l.propose(`x${i}`);
    h.run(300);
    h.crash(victim);
    const storedBefore = h.log(victim).length;
    for (let i = 10; i < 40; i++) {
      l = h.leader()!;
      l.propose(`x${i}`);
      h.run(20);
    }
    h.run(300);
    expect(h.log(victim).length).toBe(storedBefore);
    expect(h.appliedData(victim)).toHaveLength(10);

    h.restart(victim);
    expect(h.node(victim).term).toBe(l.term); // from storage
    h.run(2000);
    expect(h.appliedData(victim)).toEqual(h.appliedData(l.id));
    expect(h.appliedData(victim)).toHaveLength(40);
    expect(h.violations).toEqual([]);
  });

  it('a whole cluster restarted from storage keeps its committed log and elects again', () => {
    const h = new RaftHarness(ABC, { seed: 8 });
    const l = electLeader(h);
    const term = l.term;
    h.run(300);
    l.propose('durable');
    h.run(300);
    for (const id of ABC) h.crash(id);
    h.run(5000);
    for (const id of ABC) h.restart(id);
    const l2 = electLeader(h);
    expect(l2.term).toBeGreaterThan(term);
    l2.propose('again');
    h.run(500);
    for (const id of ABC) expect(h.appliedData(id)).toEqual(['durable', 'again']);
    expect(h.violations).toEqual([]);
  });

  it('config change: a new member joins from an empty log, catches up and becomes a voter', () => {
    const h = new RaftHarness(ABC, { seed: 9 });
    const l = electLeader(h);
    h.run(300);
    l.propose('one');
    h.run(200);
    expect(l.proposeConfChange({ type: 'addNode', nodeId: 'd' })).toBe(true);
    h.run(200);
    expect(l.voters().sort()).toEqual(['a', 'b', 'c', 'd']);
    // Four voters: the quorum is 3, so with d not started yet one more crash would stall it.
    h.start('d');
    h.run(1000);
    expect(h.node('d').voters().sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(h.node('d').leader).toBe(l.id);
    l.propose('two');
    h.run(300);
    expect(h.appliedData('d')).toEqual(['one', 'two']);
    expect(h.violations).toEqual([]);
  });

  it('config change: a removed member stops, and the rest go on with a smaller quorum', () => {
    const h = new RaftHarness(FIVE, { seed: 10 });
    const l = electLeader(h);
    h.run(300);
    const gone = FIVE.find((id) => id !== l.id)!;
    expect(l.proposeConfChange({ type: 'removeNode', nodeId: gone })).toBe(true);
    h.run(500);
    expect(h.removed.has(gone)).toBe(true);
    expect(h.node(gone).view()).toMatchObject({ removed: true, stopped: true });
    expect(l.voters()).not.toContain(gone);
    // Four voters left: two more crashes leave 2 of 4, no quorum; one crash leaves 3 of 4.
    const rest = FIVE.filter((id) => id !== gone && id !== l.id);
    h.crash(rest[0]!);
    l.propose('with-three');
    h.run(500);
    expect(h.appliedData(l.id)).toContain('with-three');
    expect(h.violations).toEqual([]);
  });

  it('config change: removing the leader makes the others elect a new one', () => {
    const h = new RaftHarness(FIVE, { seed: 12 });
    const l = electLeader(h);
    h.run(300);
    expect(l.proposeConfChange({ type: 'removeNode', nodeId: l.id })).toBe(true);
    h.run(300);
    expect(l.isStopped).toBe(true);
    expect(h.runUntil(() => h.leader() !== undefined && h.leader() !== l, 10_000)).toBe(true);
    const nu = h.leader()!;
    nu.propose('after');
    h.run(500);
    // Every other member applied the removal (from the old leader's last heartbeat or the new leader).
    for (const id of FIVE.filter((x) => x !== l.id)) expect(h.node(id).voters()).not.toContain(l.id);
    for (const id of FIVE.filter((x) => x !== l.id)) expect(h.appliedData(id)).toEqual(['after']);
    expect(h.violations).toEqual([]);
  });

  it('only one confChange at a time: a second one proposed while the first is pending is dropped', () => {
    const h = new RaftHarness(ABC, { seed: 13 });
    const l = electLeader(h);
    h.run(300);
    h.partition([l.id], ABC.filter((id) => id !== l.id)); // nothing commits for now
    l.proposeConfChange({ type: 'addNode', nodeId: 'd' });
    l.proposeConfChange({ type: 'addNode', nodeId: 'e' });
    const tail = h.log(l.id).slice(-2);
    expect(tail.map((e) => e.type)).toEqual(['confChange', 'normal']);
  });

  it('the same seed gives the same run, event for event', () => {
    const run = () => {
      const events: string[] = [];
      const h = new RaftHarness(FIVE, {
        seed: 21,
        loss: 0.05,
        nodeOptions: { trace: (e: RaftTraceEvent) => events.push(JSON.stringify(e)) },
      });
      h.runUntil(() => h.leader() !== undefined);
      for (let i = 0; i < 30; i++) {
        h.leader()?.propose(i);
        h.run(50);
      }
      h.crash(h.leader()!.id);
      h.run(5000);
      return events;
    };
    const a = run();
    expect(a.length).toBeGreaterThan(100);
    expect(run()).toEqual(a);
  });
});

describe('Raft safety properties under random crashes, partitions and message loss', () => {
  // Each run: random faults for 60 virtual seconds while proposals flow, then everything heals.
  // The harness checks Election Safety, Leader Completeness and State Machine Safety as events
  // happen; Log Matching and Leader Append-Only are checked every 100 ms.
  for (let seed = 100; seed < 112; seed++) {
    it(`seed ${seed}: Election Safety, Leader Append-Only, Log Matching, Leader Completeness, State Machine Safety`, () => {
      const h = new RaftHarness(FIVE, { seed, loss: 0.02, minLatencyMs: 1, maxLatencyMs: 30 });
      const r = h.rng;
      let n = 0;
      for (let t = 0; t < 60_000; t += 100) {
        h.run(100);
        h.checkLeaderLogs();
        h.checkLogMatching();
        const live = h.live();
        if (live.length > 0) r.pick(live).propose(`v${n++}`);
        const dice = r.int(0, 99);
        if (dice < 2) {
          const victim = r.pick(FIVE);
          if (h.down.has(victim)) h.restart(victim);
          else if (h.down.size < 2) h.crash(victim);
        } else if (dice < 4) {
          const shuffled = [...FIVE].sort(() => r.float() - 0.5);
          const cut = r.int(1, 4);
          h.partition(shuffled.slice(0, cut), shuffled.slice(cut));
        } else if (dice < 6) {
          h.heal();
        }
      }
      h.heal();
      for (const id of FIVE) if (h.down.has(id)) h.restart(id);
      h.run(10_000);
      h.leader()!.propose('final');
      h.run(2000);
      h.checkLogMatching();
      expect(h.violations).toEqual([]);
      // Liveness once healed: one leader, everyone applied the same sequence.
      const ref = h.applied(h.leader()!.id);
      expect(h.appliedData(h.leader()!.id)).toContain('final');
      for (const id of FIVE) expect(h.applied(id).map((e) => e.index)).toEqual(ref.map((e) => e.index));
    });
  }
});

describe('hot path', () => {
  it('5 members, 600 virtual seconds, 10 proposals a second', () => {
    const h = new RaftHarness(FIVE, { seed: 1 });
    electLeader(h);
    let n = 0;
    const tick = () => {
      h.leader()?.propose(`p${n++}`);
      h.clock.schedule(tick, 100);
    };
    tick();
    const t0 = performance.now();
    h.run(600_000);
    const ms = performance.now() - t0;
    expect(h.appliedData('a').length).toBeGreaterThanOrEqual(5990);
    for (const id of FIVE) expect(h.appliedData(id)).toEqual(h.appliedData('a'));
    // About 170k messages; a few µs each. Generous bound against slow CI machines.
    expect(ms).toBeLessThan(10_000);
  });
});
