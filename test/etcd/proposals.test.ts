import { describe, expect, it } from 'vitest';
import { WorldClock } from '../../src/sim/clock.ts';
import { Proposals } from '../../src/etcd/proposals.ts';
import type { RaftNode } from '../../src/etcd/raft/node.ts';
import { newRequest, type EtcdRequest } from '../../src/etcd/v2keys/request.ts';

/** A raft node that takes proposals only while it "knows a leader". */
function fakeNode() {
  const taken: EtcdRequest[] = [];
  const node = { leader: false, propose: (d: unknown) => node.leader && taken.push(d as EtcdRequest) > 0 };
  return { node, taken, raft: node as unknown as RaftNode };
}

describe('Proposals', () => {
  it('queues proposals made with no leader and sends them, in order, once one is known', () => {
    const clock = new WorldClock();
    const p = new Proposals(clock, 1000);
    const { node, taken, raft } = fakeNode();
    const a = newRequest({ Method: 'PUT', Path: '/1/a' });
    const b = newRequest({ Method: 'PUT', Path: '/1/b' });
    p.propose(raft, 'm1', a, () => {});
    p.propose(raft, 'm1', b, () => {});
    expect(taken).toEqual([]);
    p.flush(raft);
    expect(taken).toEqual([]); // still no leader: both stay queued
    node.leader = true;
    p.flush(raft);
    expect(taken).toEqual([a, b]);
    p.flush(raft);
    expect(taken).toEqual([a, b]); // sent once
  });

  it('drops a queued proposal that timed out, and tells its proposer', () => {
    const clock = new WorldClock();
    const p = new Proposals(clock, 1000);
    const { node, taken, raft } = fakeNode();
    const results: string[] = [];
    const a = newRequest({ Method: 'PUT', Path: '/1/a' });
    p.propose(raft, 'm1', a, (r) => results.push(typeof r === 'string' ? r : 'applied'));
    while (clock.step()) {
      // run the timeout
    }
    expect(results).toEqual(['timeout']);
    node.leader = true;
    const b = newRequest({ Method: 'PUT', Path: '/1/b' });
    p.propose(raft, 'm1', b, (r) => results.push(typeof r === 'string' ? r : 'applied'));
    p.flush(raft);
    expect(taken).toEqual([b]);
    p.applied(b.ID!, { none: true });
    expect(results).toEqual(['timeout', 'applied']);
  });

  it('a timed-out proposal gets the cause for the time it was made (parseProposeCtxErr(err, start))', () => {
    const clock = new WorldClock();
    const starts: number[] = [];
    const p = new Proposals(clock, 1000, (start) => (starts.push(start), 'timeout-leader-fail'));
    const { raft } = fakeNode();
    const results: string[] = [];
    clock.schedule(() => p.propose(raft, 'm1', newRequest({ Method: 'PUT', Path: '/1/a' }), (r) => results.push(String(r))), 250);
    while (clock.step());
    expect([starts, results, clock.now()]).toEqual([[250], ['timeout-leader-fail'], 1250]);
  });
});
