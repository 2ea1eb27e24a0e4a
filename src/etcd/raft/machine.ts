import { setup } from 'xstate';
import type { RaftMessage } from './types.ts';
import type { RaftState } from './state.ts';
import { electionDeadline, promotable } from './state.ts';
import { becomeFollower, becomeLeader, campaign, electionResult, voteDecides } from './election.ts';
import { bcastAppend, bcastHeartbeat, quorumActive, resetRecentActive } from './replication.ts';
import { isLeaderMessage, leadOf, logHigherTerm, logStale, stepCandidate, stepFollower, stepLeader, termCheck } from './rules.ts';

/**
 * A member's raft role as an XState machine: follower, candidate, leader. Follower and candidate
 * arm the election timer on entry and disarm it on exit (where an `after` would, on the world's
 * virtual clock); it comes back as ELECTION. The leader's heartbeat and CheckQuorum ticks are
 * TICK events from the node's heartbeat timer. Both timers are the node's: an `after` cost the
 * actor an exit, an entry and a timer through XState's scheduler on every re-arm. Its actions call
 * the pure rules on `context.s`, which is the member's state object itself (a reference, never
 * copied).
 *
 * The leader ticks (TICK) every heartbeat interval: a heartbeat to every follower and, once per
 * election timeout, the CheckQuorum test (etcd `tickHeartbeat`).
 *
 * The follower's election timer is lazy: a message from the leader only moves
 * `s.electionResetAt`; when the timer fires before the (moved) deadline it re-arms for the rest.
 * A new randomized timeout is drawn on every role or term change (etcd `reset`), when the
 * follower re-enters and the timer is scheduled afresh.
 */

export interface RaftMachineContext {
  s: RaftState;
  now: () => number;
  /** A new randomized election timeout in [electionMs, 2 * electionMs). */
  randomTimeout: () => number;
  heartbeatMs: number;
  electionMs: number;
  /** Starts the election timer: ELECTION when it fires (see `electionInPlace`). */
  armElection: (delayMs: number) => void;
  disarmElection: () => void;
}

/**
 * TICK: the leader's heartbeat interval passed (the node's heartbeat timer, see `tickInPlace`).
 * ELECTION: the election timer the follower and candidate states arm on entry fired.
 */
export type RaftMachineEvent = { type: 'MSG'; msg: RaftMessage } | { type: 'TICK' } | { type: 'ELECTION' };

type Args = { context: RaftMachineContext; event: RaftMachineEvent };

const msgOf = (e: RaftMachineEvent): RaftMessage => (e as { msg: RaftMessage }).msg;

/** The leader's CheckQuorum window (from `electionResetAt`) has lasted an election timeout. */
const checkQuorumDue = (c: RaftMachineContext): boolean => c.now() - c.s.electionResetAt >= c.electionMs;

/** CheckQuorum (on in etcd 2.3): a leader that has not heard from a quorum within an election timeout steps down. */
const quorumLost = (c: RaftMachineContext): boolean => checkQuorumDue(c) && !quorumActive(c.s);

function leaderTick(c: RaftMachineContext): void {
  if (checkQuorumDue(c)) {
    // Quorum was active: a new CheckQuorum window starts.
    c.s.electionResetAt = c.now();
    resetRecentActive(c.s);
  }
  bcastHeartbeat(c.s);
}

export const raftMachine = setup({
  types: {
    context: {} as RaftMachineContext,
    events: {} as RaftMachineEvent,
    input: {} as RaftMachineContext,
  },
  guards: {
    stale: ({ context, event }: Args) => termCheck(context.s, msgOf(event)) === 'stale',
    higherTerm: ({ context, event }: Args) => termCheck(context.s, msgOf(event)) === 'higher',
    fromLeaderOfTerm: ({ event }: Args) => isLeaderMessage(msgOf(event)),
    electionNotDue: ({ context }: Args) => context.now() < electionDeadline(context.s),
    promotable: ({ context }: Args) => promotable(context.s),
    wonElection: ({ context }: Args) => electionResult(context.s) === 'won',
    lostElection: ({ context }: Args) => electionResult(context.s) === 'lost',
    quorumLost: ({ context: c }: Args) => quorumLost(c),
  },
  actions: {
    followHigherTerm: ({ context: c, event }: Args) => {
      const m = msgOf(event);
      logHigherTerm(c.s, m);
      becomeFollower(c.s, m.term, leadOf(m), c.now(), c.randomTimeout());
    },
    ignoreStale: ({ context: c, event }: Args) => logStale(c.s, msgOf(event)),
    stepDown: ({ context: c }: Args) => {
      c.s.logger?.(`${c.s.id} stepped down to follower since quorum is not active`);
      becomeFollower(c.s, c.s.storage.term, undefined, c.now(), c.randomTimeout());
    },
    followSender: ({ context: c, event }: Args) => {
      becomeFollower(c.s, c.s.storage.term, msgOf(event).from, c.now(), c.randomTimeout());
    },
    followNobody: ({ context: c }: Args) => {
      becomeFollower(c.s, c.s.storage.term, undefined, c.now(), c.randomTimeout());
    },
    stepFollower: ({ context: c, event }: Args) => stepFollower(c.s, msgOf(event), c.now()),
    stepCandidate: ({ context: c, event }: Args) => stepCandidate(c.s, msgOf(event)),
    stepLeader: ({ context: c, event }: Args) => stepLeader(c.s, msgOf(event)),
    campaign: ({ context: c }: Args) => campaign(c.s, c.now(), c.randomTimeout()),
    // Entry and exit of follower and candidate, where an `after` would start and cancel its timer.
    armElectionTimer: ({ context: c }: Args) => c.armElection(Math.max(0, electionDeadline(c.s) - c.now())),
    disarmElectionTimer: ({ context: c }: Args) => c.disarmElection(),
    restartElectionTimer: ({ context: c }: Args) => {
      c.s.electionResetAt = c.now();
    },
    becomeLeader: ({ context: c }: Args) => {
      becomeLeader(c.s, c.now());
      bcastAppend(c.s);
    },
    leaderTick: ({ context: c }: Args) => leaderTick(c),
  },
}).createMachine({
  id: 'raft',
  context: ({ input }) => input,
  initial: 'follower',
  states: {
    follower: {
      entry: 'armElectionTimer',
      exit: 'disarmElectionTimer',
      on: {
        MSG: [
          { guard: 'stale', actions: 'ignoreStale' },
          { guard: 'higherTerm', target: 'follower', reenter: true, actions: ['followHigherTerm', 'stepFollower'] },
          { actions: 'stepFollower' },
        ],
        ELECTION: [
          { guard: 'electionNotDue', target: 'follower', reenter: true },
          { guard: 'promotable', target: 'candidate' },
          // Not a voter (yet, or any more): never campaign, just keep waiting (etcd `tickElection`).
          { target: 'follower', reenter: true, actions: 'restartElectionTimer' },
        ],
      },
    },
    candidate: {
      entry: ['campaign', 'armElectionTimer'],
      exit: 'disarmElectionTimer',
      always: [
        { guard: 'wonElection', target: 'leader' },
        { guard: 'lostElection', target: 'follower', actions: 'followNobody' },
      ],
      on: {
        MSG: [
          { guard: 'stale', actions: 'ignoreStale' },
          { guard: 'higherTerm', target: 'follower', actions: ['followHigherTerm', 'stepFollower'] },
          // Another member won this term: follow it, then take its message.
          { guard: 'fromLeaderOfTerm', target: 'follower', actions: ['followSender', 'stepFollower'] },
          { actions: 'stepCandidate' },
        ],
        // Split vote: a new election in a new term.
        ELECTION: { target: 'candidate', reenter: true },
      },
    },
    leader: {
      entry: 'becomeLeader',
      // etcd's tickHeartbeat: the node sends TICK every heartbeat interval while the role is leader.
      on: {
        MSG: [
          { guard: 'stale', actions: 'ignoreStale' },
          { guard: 'higherTerm', target: 'follower', actions: ['followHigherTerm', 'stepFollower'] },
          { actions: 'stepLeader' },
        ],
        TICK: [
          // A partitioned leader stops serving.
          { guard: 'quorumLost', target: 'follower', actions: 'stepDown' },
          { actions: 'leaderTick' },
        ],
      },
    },
  },
});

/**
 * The hot path. A follower or leader stepping a message of its current term (heartbeats,
 * appends, their answers, proposals) takes one of the machine's targetless transitions: the
 * role stays, only the rules run. The node runs exactly those transitions here without an actor
 * event (an actor event costs several microseconds); a stale message is dropped, as the `stale`
 * transitions do. A follower's higher-term message (a new election's votes, the new leader's
 * first append) takes the follower's re-entering `higherTerm` transition, role unchanged: exit
 * (disarm), its actions, entry (arm), in XState's order. Anything that may change the role (a
 * leader's or candidate's higher term, the vote that decides an election, the new leader's first
 * message to a candidate) returns false and goes through the machine.
 */
export function stepInPlace(c: RaftMachineContext, m: RaftMessage): boolean {
  const s = c.s;
  const tc = termCheck(s, m);
  if (tc === 'stale') {
    logStale(s, m);
    return true;
  }
  if (tc === 'higher') {
    if (s.role !== 'follower') return false;
    c.disarmElection();
    logHigherTerm(s, m);
    becomeFollower(s, m.term, leadOf(m), c.now(), c.randomTimeout());
    stepFollower(s, m, c.now());
    c.armElection(Math.max(0, electionDeadline(s) - c.now()));
    return true;
  }
  if (s.role === 'follower') {
    stepFollower(s, m, c.now());
    return true;
  }
  if (s.role === 'leader') {
    stepLeader(s, m);
    return true;
  }
  // A candidate's targetless transition, unless the message ends the election (its `always`
  // transitions) or comes from the term's leader.
  if (s.role === 'candidate' && !isLeaderMessage(m) && !(m.type === 'MsgVoteResp' && voteDecides(s, m.from, !m.reject))) {
    stepCandidate(s, m);
    return true;
  }
  return false;
}

/**
 * The leader's heartbeat tick, as the leader's TICK transitions take it: while a quorum is
 * active the role stays and the tick runs here without an actor event (false: the quorum is
 * lost, send TICK to the machine, which steps down).
 */
export function tickInPlace(c: RaftMachineContext): boolean {
  if (c.s.role !== 'leader' || quorumLost(c)) return false;
  leaderTick(c);
  return true;
}

/**
 * The election timer fired. A follower whose deadline moved since (a message from the leader
 * moved `electionResetAt`) takes the machine's first ELECTION transition, re-entering follower
 * only to arm the timer again: the node re-arms it here, without an actor event (true). False:
 * send ELECTION to the machine.
 */
export function electionInPlace(c: RaftMachineContext): boolean {
  return c.s.role === 'follower' && c.now() < electionDeadline(c.s);
}
