import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  becomeFollower,
  becomeLeader,
  campaign,
  canGrantVote,
  electionResult,
  handleVote,
  poll,
} from '../../../src/etcd/raft/election.ts';
import type { MsgVote } from '../../../src/etcd/raft/types.ts';
import { drain, ents, mkState, only } from './fixtures.ts';

const voters = ['a', 'b', 'c', 'd', 'e'];

const vote = (from: string, to: string, term: number, index: number, logTerm: number): MsgVote => ({
  type: 'MsgVote',
  term,
  from,
  to,
  index,
  logTerm,
});

describe('leader election (§5.2)', () => {
  it('a candidate increments its term, votes for itself and asks every other voter with its last index and term', () => {
    const s = mkState('a', voters, ents(1, [1, 2]), { term: 3 });
    campaign(s, 100, 1234);
    expect(s.role).toBe('candidate');
    expect(s.storage.term).toBe(4);
    expect(s.storage.vote).toBe('a');
    expect(s.electionResetAt).toBe(100);
    expect(s.electionTimeoutMs).toBe(1234);
    const reqs = only(drain(s), 'MsgVote');
    expect(reqs.map((m) => m.to).sort()).toEqual(['b', 'c', 'd', 'e']);
    for (const m of reqs) expect(m).toMatchObject({ term: 4, from: 'a', index: 2, logTerm: 2 });
    expect(s.notes).toContainEqual({ kind: 'vote', term: 4, votedFor: 'a' });
  });

  it('a lone voter wins its own election at once', () => {
    const s = mkState('a', ['a']);
    campaign(s, 0, 1000);
    expect(electionResult(s)).toBe('won');
  });

  it('a candidate wins with votes from a majority, loses with rejections from a majority', () => {
    const s = mkState('a', voters);
    campaign(s, 0, 1000);
    poll(s, 'b', true);
    expect(electionResult(s)).toBe('pending');
    poll(s, 'c', true);
    expect(electionResult(s)).toBe('won');

    const t = mkState('a', voters);
    campaign(t, 0, 1000);
    poll(t, 'b', false);
    poll(t, 'c', false);
    expect(electionResult(t)).toBe('pending');
    poll(t, 'd', false);
    expect(electionResult(t)).toBe('lost');
  });

  it('only the first answer of each voter counts, and answers from non-voters are not counted', () => {
    const s = mkState('a', voters);
    campaign(s, 0, 1000);
    poll(s, 'b', true);
    poll(s, 'b', true);
    poll(s, 'zz', true);
    expect(electionResult(s)).toBe('pending');
  });

  it('each server votes for at most one candidate in a given term, first-come-first-served', () => {
    const s = mkState('c', voters, [], { term: 5 });
    handleVote(s, vote('a', 'c', 5, 0, 0), 10);
    handleVote(s, vote('b', 'c', 5, 0, 0), 11);
    // A repeat request from the candidate it voted for is granted again (a lost answer).
    handleVote(s, vote('a', 'c', 5, 0, 0), 12);
    expect(only(drain(s), 'MsgVoteResp').map((m) => [m.to, m.reject])).toEqual([
      ['a', false],
      ['b', true],
      ['a', false],
    ]);
    expect(s.storage.vote).toBe('a');
  });

  it('a candidate\'s log must be at least as up-to-date to get a vote', () => {
    const s = mkState('c', voters, ents(1, [1, 3, 3]), { term: 4 });
    expect(canGrantVote(s, 'a', 5, 2)).toBe(false); // longer, but an older last term
    expect(canGrantVote(s, 'a', 2, 3)).toBe(false); // same last term, shorter
    expect(canGrantVote(s, 'a', 3, 3)).toBe(true);
    expect(canGrantVote(s, 'a', 1, 4)).toBe(true); // newer last term wins
  });

  it('granting a vote resets the election timer; refusing one does not', () => {
    const s = mkState('c', voters, ents(1, [2]), { term: 4, now: 0 });
    handleVote(s, vote('a', 'c', 4, 0, 0), 500);
    expect(s.electionResetAt).toBe(0);
    handleVote(s, vote('b', 'c', 4, 1, 2), 600);
    expect(s.electionResetAt).toBe(600);
  });

  it('a new term clears the vote; the same term keeps it', () => {
    const s = mkState('c', voters, [], { term: 5 });
    s.storage.vote = 'a';
    becomeFollower(s, 5, undefined, 0, 1000);
    expect(s.storage.vote).toBe('a');
    becomeFollower(s, 6, undefined, 0, 1000);
    expect(s.storage.vote).toBeUndefined();
  });

  it('a new leader appends an empty entry of its own term at once', () => {
    const s = mkState('a', voters, ents(1, [1, 1]), { term: 1, commit: 2 });
    campaign(s, 0, 1000);
    becomeLeader(s, 0);
    expect(s.role).toBe('leader');
    expect(s.lead).toBe('a');
    const last = s.storage.log[3]!;
    expect(last).toMatchObject({ index: 3, term: 2, type: 'normal', data: undefined });
    // Its own progress counts the new entry; the others start probing after its last entry.
    expect(s.prs.get('a')!.match).toBe(3);
    expect(s.prs.get('b')).toMatchObject({ next: 3, match: 0 });
  });

  it('a new leader with an uncommitted confChange in its log refuses another until it is applied', () => {
    const log = [...ents(1, [1]), { index: 2, term: 1, type: 'confChange' as const, data: { type: 'addNode', nodeId: 'f' } }];
    const s = mkState('a', voters, log, { term: 1, commit: 1 });
    campaign(s, 0, 1000);
    becomeLeader(s, 0);
    expect(s.pendingConf).toBe(true);
  });

  it('Election Safety: at most one leader can be elected in a given term', () => {
    // Any number of candidates of one term, any logs, requests delivered in any order:
    // each voter grants one vote per term, so two candidates cannot both reach a majority.
    const logArb = fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 4 }).map((ts) => ts.sort((x, y) => x - y));
    fc.assert(
      fc.property(
        fc.array(logArb, { minLength: 5, maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }),
        (logs, candIdx, order) => {
          const states = voters.map((id, i) => mkState(id, voters, ents(1, logs[i]!, id), { term: 4 }));
          const cands = candIdx.map((i) => states[i]!);
          for (const c of cands) campaign(c, 0, 1000);
          const grants = new Map<string, Set<string>>(cands.map((c) => [c.id, new Set([c.id])]));
          // Deliver vote requests in the generated order, then all the rest.
          const pairs = order.map(([x, y]) => [cands[x % cands.length]!, states[y % 5]!] as const);
          for (const c of cands) for (const v of states) pairs.push([c, v] as const);
          for (const [c, v] of pairs) {
            if (c === v || v.role === 'candidate') continue;
            const st = c.storage;
            // §5.1: the higher term makes the voter a follower of it first.
            if (v.storage.term < st.term) becomeFollower(v, st.term, undefined, 0, 1000);
            handleVote(v, vote(c.id, v.id, st.term, st.log.length - 1, st.log[st.log.length - 1]!.term), 0);
            for (const r of only(drain(v), 'MsgVoteResp')) if (!r.reject) grants.get(c.id)!.add(v.id);
          }
          const winners = cands.filter((c) => grants.get(c.id)!.size >= 3);
          expect(winners.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("raft.go's log lines (etcd 2.3's journal), in the order raft prints them", () => {
  const logged = (s: ReturnType<typeof mkState>) => {
    const lines: string[] = [];
    s.logger = (l) => lines.push(l);
    return lines;
  };

  it('a campaign: the election, the candidacy, its own vote, one request per peer', () => {
    const s = mkState('a', ['a', 'b', 'c'], ents(1, [1, 2]), { term: 2 });
    const lines = logged(s);
    campaign(s, 0, 1000);
    expect(lines).toEqual([
      'a is starting a new election at term 2',
      'a became candidate at term 3',
      'a received vote from a at term 3',
      'a [logterm: 2, index: 2] sent vote request to b at term 3',
      'a [logterm: 2, index: 2] sent vote request to c at term 3',
    ]);
  });

  it('a vote granted or refused shows both logs and the vote held before (0 for none)', () => {
    const s = mkState('b', ['a', 'b', 'c'], ents(1, [1, 2]), { term: 3 });
    const lines = logged(s);
    handleVote(s, vote('a', 'b', 3, 2, 2), 0);
    handleVote(s, vote('c', 'b', 3, 2, 2), 0);
    expect(lines).toEqual([
      'b [logterm: 2, index: 2, vote: 0] voted for a [logterm: 2, index: 2] at term 3',
      'b [logterm: 2, index: 2, vote: a] rejected vote from c [logterm: 2, index: 2] at term 3',
    ]);
  });
});
