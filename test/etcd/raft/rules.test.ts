import { describe, it, expect } from 'vitest';
import { isLeaderMessage, leadOf, stepCandidate, stepFollower, stepLeader, termCheck } from '../../../src/etcd/raft/rules.ts';
import { becomeLeader, campaign, electionResult } from '../../../src/etcd/raft/election.ts';
import type { RaftMessage } from '../../../src/etcd/raft/types.ts';
import { drain, ents, mkState, only } from './fixtures.ts';

const three = ['a', 'b', 'c'];

describe('term handling (§5.1)', () => {
  const s = mkState('a', three, [], { term: 5 });
  const hb = (term: number): RaftMessage => ({ type: 'MsgHeartbeat', term, from: 'b', to: 'a', commit: 0 });

  it('a message with a higher term makes the receiver step down to follower of that term', () => {
    expect(termCheck(s, hb(6))).toBe('higher');
  });

  it('a message with a stale term is rejected (ignored)', () => {
    expect(termCheck(s, hb(4))).toBe('stale');
  });

  it('a message of the current term is stepped by the current role', () => {
    expect(termCheck(s, hb(5))).toBe('current');
  });

  it('a forwarded proposal is a local request: its term is not checked', () => {
    expect(termCheck(s, { type: 'MsgProp', term: 1, from: 'b', to: 'a', entries: [] })).toBe('local');
  });

  it('after a higher term the sender of MsgApp/MsgHeartbeat is the leader; a vote request or an answer names none', () => {
    expect(leadOf(hb(6))).toBe('b');
    expect(leadOf({ type: 'MsgApp', term: 6, from: 'c', to: 'a', index: 0, logTerm: 0, entries: [], commit: 0 })).toBe('c');
    expect(leadOf({ type: 'MsgVote', term: 6, from: 'c', to: 'a', index: 0, logTerm: 0 })).toBeUndefined();
    expect(leadOf({ type: 'MsgAppResp', term: 6, from: 'c', to: 'a', index: 0, reject: true, rejectHint: 0 })).toBeUndefined();
    expect(isLeaderMessage(hb(1))).toBe(true);
  });
});

describe('follower', () => {
  it('a valid message from the current leader resets the election timer and names the leader', () => {
    const s = mkState('a', three, [], { term: 3, now: 0 });
    stepFollower(s, { type: 'MsgHeartbeat', term: 3, from: 'b', to: 'a', commit: 0 }, 700);
    expect(s.electionResetAt).toBe(700);
    expect(s.lead).toBe('b');
    expect(drain(s)).toEqual([{ type: 'MsgHeartbeatResp', term: 3, from: 'a', to: 'b' }]);
  });

  it('a heartbeat advances the follower\'s commit index', () => {
    const s = mkState('a', three, ents(1, [3, 3]), { term: 3 });
    stepFollower(s, { type: 'MsgHeartbeat', term: 3, from: 'b', to: 'a', commit: 2 }, 0);
    expect(s.storage.commit).toBe(2);
  });

  it('forwards a proposal to the leader it knows', () => {
    const s = mkState('a', three, [], { term: 3 });
    s.lead = 'b';
    stepFollower(s, { type: 'MsgProp', term: 3, from: 'a', to: 'a', entries: [{ type: 'normal', data: 'x' }] }, 0);
    expect(drain(s)).toEqual([{ type: 'MsgProp', term: 3, from: 'a', to: 'b', entries: [{ type: 'normal', data: 'x' }] }]);
  });

  it('drops a proposal when it knows no leader', () => {
    const s = mkState('a', three, [], { term: 3 });
    stepFollower(s, { type: 'MsgProp', term: 3, from: 'a', to: 'a', entries: [{ type: 'normal', data: 'x' }] }, 0);
    expect(drain(s)).toEqual([]);
  });

  it('ignores answers meant for a leader or a candidate', () => {
    const s = mkState('a', three, [], { term: 3 });
    stepFollower(s, { type: 'MsgAppResp', term: 3, from: 'b', to: 'a', index: 1, reject: false, rejectHint: 0 }, 0);
    stepFollower(s, { type: 'MsgVoteResp', term: 3, from: 'b', to: 'a', reject: false }, 0);
    expect(drain(s)).toEqual([]);
  });
});

describe('candidate', () => {
  it('rejects another candidate of its term (it voted for itself)', () => {
    const s = mkState('a', three);
    campaign(s, 0, 1000);
    drain(s);
    stepCandidate(s, { type: 'MsgVote', term: 1, from: 'b', to: 'a', index: 5, logTerm: 9 });
    expect(only(drain(s), 'MsgVoteResp')).toEqual([{ type: 'MsgVoteResp', term: 1, from: 'a', to: 'b', reject: true }]);
  });

  it('counts granted votes toward a majority', () => {
    const s = mkState('a', three);
    campaign(s, 0, 1000);
    stepCandidate(s, { type: 'MsgVoteResp', term: 1, from: 'b', to: 'a', reject: false });
    expect(electionResult(s)).toBe('won');
  });

  it('drops proposals: there is no leader to take them', () => {
    const s = mkState('a', three);
    campaign(s, 0, 1000);
    drain(s);
    stepCandidate(s, { type: 'MsgProp', term: 1, from: 'a', to: 'a', entries: [{ type: 'normal', data: 'x' }] });
    expect(drain(s)).toEqual([]);
    expect(s.storage.log).toHaveLength(1);
  });
});

describe('leader', () => {
  it('rejects a vote request of its own term', () => {
    const s = mkState('a', three);
    campaign(s, 0, 1000);
    becomeLeader(s, 0);
    drain(s);
    stepLeader(s, { type: 'MsgVote', term: 1, from: 'b', to: 'a', index: 9, logTerm: 9 });
    expect(drain(s)).toEqual([{ type: 'MsgVoteResp', term: 1, from: 'a', to: 'b', reject: true }]);
  });

  it('appends a forwarded proposal and replicates it', () => {
    const s = mkState('a', three);
    campaign(s, 0, 1000);
    becomeLeader(s, 0);
    s.prs.get('b')!.paused = false;
    drain(s);
    stepLeader(s, { type: 'MsgProp', term: 1, from: 'b', to: 'a', entries: [{ type: 'normal', data: 'x' }] });
    expect(s.storage.log[2]).toEqual({ index: 2, term: 1, type: 'normal', data: 'x' });
    expect(only(drain(s), 'MsgApp').map((m) => m.to).sort()).toEqual(['b', 'c']);
  });
});
