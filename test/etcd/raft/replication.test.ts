import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { becomeLeader, campaign, canGrantVote } from '../../../src/etcd/raft/election.ts';
import {
  addNode,
  appendEntries,
  bcastAppend,
  bcastHeartbeat,
  handleAppendEntries,
  handleAppendResponse,
  handleHeartbeatResponse,
  leaderPropose,
  maybeCommitByQuorum,
  quorumActive,
  removeNode,
  resetRecentActive,
} from '../../../src/etcd/raft/replication.ts';
import { maybeAppend } from '../../../src/etcd/raft/log.ts';
import { stepFollower, stepLeader } from '../../../src/etcd/raft/rules.ts';
import type { RaftState } from '../../../src/etcd/raft/state.ts';
import type { Entry, MsgAppResp, NodeId } from '../../../src/etcd/raft/types.ts';
import { drain, ents, mkState, only } from './fixtures.ts';

/** A leader of `term` over `log` (it appends its empty entry of `term` on election). */
function mkLeader(id: NodeId, voters: readonly NodeId[], log: Entry[], term: number, commit = 0): RaftState {
  const s = mkState(id, voters, log, { term: term - 1, commit });
  campaign(s, 0, 1000);
  becomeLeader(s, 0);
  drain(s);
  return s;
}

const ok = (from: NodeId, to: NodeId, term: number, index: number): MsgAppResp => ({
  type: 'MsgAppResp',
  term,
  from,
  to,
  index,
  reject: false,
  rejectHint: 0,
});

const five = ['s1', 's2', 's3', 's4', 's5'];

describe('log replication (§5.3, §5.4.2)', () => {
  it('Leader Append-Only: the leader appends proposals at its term after its last entry and never rewrites its log', () => {
    const s = mkLeader('s1', five, ents(1, [1, 1]), 2);
    const before = s.storage.log.slice();
    appendEntries(s, [
      { type: 'normal', data: 'x' },
      { type: 'normal', data: 'y' },
    ]);
    expect(s.storage.log.slice(0, before.length)).toEqual(before);
    expect(s.storage.log.slice(before.length)).toEqual([
      { index: 4, term: 2, type: 'normal', data: 'x' },
      { index: 5, term: 2, type: 'normal', data: 'y' },
    ]);
    expect(s.prs.get('s1')!.match).toBe(5);
  });

  it('an entry is committed once the leader has replicated it on a majority', () => {
    const s = mkLeader('s1', five, [], 1);
    appendEntries(s, [{ type: 'normal', data: 'x' }]);
    handleAppendResponse(s, ok('s2', 's1', 1, 2));
    expect(s.storage.commit).toBe(0);
    handleAppendResponse(s, ok('s3', 's1', 1, 2));
    expect(s.storage.commit).toBe(2);
  });

  it('a leader never commits an entry from a previous term by counting replicas (Figure 8)', () => {
    // Figure 8 (c): S1 leads term 4; the term-2 entry at index 2 is on S1, S2 and S3.
    const s1 = mkLeader('s1', five, ents(1, [1, 2], 'S1-'), 4);
    expect(s1.storage.log[3]!.term).toBe(4); // its own empty entry
    handleAppendResponse(s1, ok('s2', 's1', 4, 2));
    handleAppendResponse(s1, ok('s3', 's1', 4, 2));
    expect(s1.storage.commit).toBe(0);

    // Why: (d) S5 (last term 3) can still win votes from S2 and S3 and overwrite index 2.
    const s2 = mkState('s2', five, ents(1, [1, 2], 'S1-'), { term: 5 });
    expect(canGrantVote(s2, 's5', 2, 3)).toBe(true);
    maybeAppend(s2.storage, 1, 1, 0, ents(2, [3], 'S5-'));
    expect(s2.storage.log[2]!.term).toBe(3);

    // (e) Once an entry of S1's own term is on a majority, it and all before it are committed.
    handleAppendResponse(s1, ok('s2', 's1', 4, 3));
    expect(s1.storage.commit).toBe(0);
    handleAppendResponse(s1, ok('s3', 's1', 4, 3));
    expect(s1.storage.commit).toBe(3);
  });

  it('the commit index is the highest index stored on a quorum of voters', () => {
    const s = mkLeader('s1', five, [], 1);
    appendEntries(s, ents(2, [1, 1, 1, 1]).map((e) => ({ type: e.type, data: e.data })));
    s.prs.get('s2')!.match = 5;
    s.prs.get('s3')!.match = 3;
    s.prs.get('s4')!.match = 2;
    expect(maybeCommitByQuorum(s)).toBe(true);
    expect(s.storage.commit).toBe(3);
  });

  it('a follower accepts AppendEntries that match, answering with its last new index', () => {
    const f = mkState('s2', five, ents(1, [1, 1], 'L'), { term: 2 });
    handleAppendEntries(f, { type: 'MsgApp', term: 2, from: 's1', to: 's2', index: 2, logTerm: 1, entries: ents(3, [2], 'L'), commit: 3 });
    expect(drain(f)).toEqual([ok('s2', 's1', 2, 3)]);
    expect(f.storage.commit).toBe(3);
  });

  it('a follower rejects AppendEntries that do not match, with its last index as a hint', () => {
    const f = mkState('s2', five, ents(1, [1], 'L'), { term: 2 });
    handleAppendEntries(f, { type: 'MsgApp', term: 2, from: 's1', to: 's2', index: 6, logTerm: 2, entries: [], commit: 0 });
    expect(drain(f)).toEqual([{ type: 'MsgAppResp', term: 2, from: 's2', to: 's1', index: 6, reject: true, rejectHint: 1 }]);
  });

  it('an AppendEntries below the follower\'s commit index is answered with that commit index', () => {
    const f = mkState('s2', five, ents(1, [1, 1, 1], 'L'), { term: 2, commit: 3 });
    handleAppendEntries(f, { type: 'MsgApp', term: 2, from: 's1', to: 's2', index: 1, logTerm: 1, entries: ents(2, [1], 'L'), commit: 3 });
    expect(drain(f)).toEqual([ok('s2', 's1', 2, 3)]);
  });

  it('on a reject the leader backs nextIndex off and retries at once', () => {
    const s = mkLeader('s1', five, ents(1, [1, 1, 1, 1]), 2); // last index 5
    bcastAppend(s);
    drain(s);
    handleAppendResponse(s, { type: 'MsgAppResp', term: 2, from: 's2', to: 's1', index: 4, reject: true, rejectHint: 2 });
    const [m] = only(drain(s), 'MsgApp');
    expect(m).toMatchObject({ to: 's2', index: 2, logTerm: 1 });
    expect(m!.entries.map((e) => e.index)).toEqual([3, 4, 5]);
  });

  it('nextIndex back-off converges: any follower log ends identical to the leader\'s, conflicting entries truncated', () => {
    // Logs share a prefix (terms 1-3); after it each holds entries of terms the other never had.
    const termsArb = (choices: number[]) =>
      fc.array(fc.constantFrom(...choices), { maxLength: 6 }).map((ts) => ts.sort((x, y) => x - y));
    fc.assert(
      fc.property(termsArb([1, 2, 3]), termsArb([11, 21, 31]), termsArb([12, 22, 32]), fc.nat(), (prefix, fsuf, lsuf, c) => {
        const commit = prefix.length === 0 ? 0 : c % (prefix.length + 1);
        const shared = ents(1, prefix, 'P');
        const leader = mkLeader('L', ['L', 'F'], [...shared, ...ents(shared.length + 1, lsuf, 'L')], 50, commit);
        leader.maxEntriesPerMsg = 2;
        const follower = mkState('F', ['L', 'F'], [...shared, ...ents(shared.length + 1, fsuf, 'F')], { term: 50, commit });
        bcastAppend(leader);
        for (let round = 0; round < 100; round++) {
          const toF = drain(leader);
          if (toF.length === 0) bcastHeartbeat(leader);
          for (const m of toF) stepFollower(follower, m, 0);
          for (const m of drain(follower)) stepLeader(leader, m);
          logMatching(leader, follower);
        }
        expect(follower.storage.log).toEqual(leader.storage.log);
        expect(follower.storage.commit).toBe(leader.storage.commit);
        expect(leader.storage.commit).toBe(leader.storage.log.length - 1);
      }),
      { numRuns: 200 },
    );
  });

  it('a heartbeat carries min(match, commit), so a follower never commits beyond what it holds', () => {
    const s = mkLeader('s1', ['s1', 's2', 's3'], ents(1, [1, 1, 1]), 2);
    handleAppendResponse(s, ok('s2', 's1', 2, 4));
    expect(s.storage.commit).toBe(4);
    drain(s);
    bcastHeartbeat(s);
    const hb = only(drain(s), 'MsgHeartbeat');
    expect(hb.map((m) => [m.to, m.commit])).toEqual([
      ['s2', 4],
      ['s3', 0],
    ]);
  });

  it('a lagging follower\'s heartbeat answer makes the leader send it entries (etcd 2.3)', () => {
    const s = mkLeader('s1', ['s1', 's2', 's3'], ents(1, [1, 1]), 2);
    handleHeartbeatResponse(s, 's2');
    const [m] = only(drain(s), 'MsgApp');
    expect(m).toMatchObject({ to: 's2', index: 2, logTerm: 1 });
    expect(s.prs.get('s2')!.recentActive).toBe(true);
  });

  it('in probe the leader sends one MsgApp and waits; a heartbeat resumes it; in replicate it streams', () => {
    const s = mkLeader('s1', ['s1', 's2', 's3'], [], 1);
    bcastAppend(s);
    expect(only(drain(s), 'MsgApp').filter((m) => m.to === 's2')).toHaveLength(1);
    leaderPropose(s, [{ type: 'normal', data: 'a' }]);
    expect(only(drain(s), 'MsgApp').filter((m) => m.to === 's2')).toHaveLength(0); // paused probe
    bcastHeartbeat(s);
    drain(s);
    handleAppendResponse(s, ok('s2', 's1', 1, 2));
    expect(s.prs.get('s2')!.state).toBe('replicate');
    drain(s);
    leaderPropose(s, [{ type: 'normal', data: 'b' }]);
    leaderPropose(s, [{ type: 'normal', data: 'c' }]);
    const sent = only(drain(s), 'MsgApp').filter((m) => m.to === 's2');
    expect(sent.map((m) => m.entries.map((e) => e.data))).toEqual([['b'], ['c']]);
  });

  it('a MsgApp carries a slice of the entries the follower needs, at most maxEntriesPerMsg', () => {
    const s = mkLeader('s1', ['s1', 's2'], ents(1, [1, 1, 1, 1, 1, 1]), 2);
    s.maxEntriesPerMsg = 3;
    s.prs.get('s2')!.next = 2;
    bcastAppend(s);
    const [m] = only(drain(s), 'MsgApp');
    expect(m!.entries.map((e) => e.index)).toEqual([2, 3, 4]);
    expect(m!.entries[0]).toBe(s.storage.log[2]); // shared, not copied
  });

  it('a second confChange proposed while one is pending becomes an empty entry (etcd)', () => {
    const s = mkLeader('s1', ['s1', 's2', 's3'], [], 1);
    leaderPropose(s, [{ type: 'confChange', data: { type: 'addNode', nodeId: 's4' } }]);
    leaderPropose(s, [{ type: 'confChange', data: { type: 'addNode', nodeId: 's5' } }]);
    expect(s.storage.log.slice(2).map((e) => [e.type, e.data])).toEqual([
      ['confChange', { type: 'addNode', nodeId: 's4' }],
      ['normal', undefined],
    ]);
    addNode(s, 's4'); // applied: the next one is accepted
    leaderPropose(s, [{ type: 'confChange', data: { type: 'addNode', nodeId: 's5' } }]);
    expect(s.storage.log[4]!.type).toBe('confChange');
  });

  it('a leader that is no longer a voter takes no proposals', () => {
    const s = mkLeader('s1', ['s1', 's2', 's3'], [], 1);
    removeNode(s, 's1');
    expect(leaderPropose(s, [{ type: 'normal', data: 'x' }])).toBe(false);
  });

  it('CheckQuorum: the leader has a quorum when a majority (itself included) was heard from', () => {
    const s = mkLeader('s1', five, [], 1);
    expect(quorumActive(s)).toBe(false);
    handleHeartbeatResponse(s, 's2');
    expect(quorumActive(s)).toBe(false);
    handleAppendResponse(s, ok('s3', 's1', 1, 1));
    expect(quorumActive(s)).toBe(true);
    resetRecentActive(s);
    expect(quorumActive(s)).toBe(false);
  });

  it('removing a voter shrinks the quorum, which may commit pending entries', () => {
    const s = mkLeader('s1', ['s1', 's2', 's3', 's4'], [], 1);
    handleAppendResponse(s, ok('s2', 's1', 1, 1));
    expect(s.storage.commit).toBe(0); // 2 of 4
    drain(s);
    removeNode(s, 's4');
    expect(s.storage.commit).toBe(1); // 2 of 3
    expect(only(drain(s), 'MsgApp').length).toBeGreaterThan(0);
  });
});

/** Log Matching between two logs: equal terms at an index imply equal prefixes. */
function logMatching(a: RaftState, b: RaftState): void {
  const la = a.storage.log;
  const lb = b.storage.log;
  for (let i = Math.min(la.length, lb.length) - 1; i > 0; i--) {
    if (la[i]!.term !== lb[i]!.term) continue;
    expect(la.slice(0, i + 1)).toEqual(lb.slice(0, i + 1));
    return;
  }
}
