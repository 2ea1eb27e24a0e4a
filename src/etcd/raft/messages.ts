import type {
  Entry,
  MsgApp,
  MsgAppResp,
  MsgHeartbeat,
  MsgHeartbeatResp,
  MsgProp,
  MsgVote,
  MsgVoteResp,
  NodeId,
  ProposedEntry,
  RaftMessage,
} from './types.ts';

/**
 * The raft messages, all made here with every field of every type in one order (undefined where
 * a type has none): one object shape for the seven types. The message path (network, transport,
 * step, the rules) then reads monomorphic fields instead of megamorphic ones, and a type first
 * seen late (the first vote after a leader is lost) no longer deoptimizes it. JSON leaves the
 * undefined fields out, so a message serializes (and traces) exactly as its own literal would.
 */
function message(
  type: RaftMessage['type'],
  term: number,
  from: NodeId,
  to: NodeId,
  index: number | undefined,
  logTerm: number | undefined,
  entries: Entry[] | ProposedEntry[] | undefined,
  commit: number | undefined,
  reject: boolean | undefined,
  rejectHint: number | undefined,
): RaftMessage {
  return { type, term, from, to, index, logTerm, entries, commit, reject, rejectHint } as unknown as RaftMessage;
}

export function msgVote(term: number, from: NodeId, to: NodeId, index: number, logTerm: number): MsgVote {
  return message('MsgVote', term, from, to, index, logTerm, undefined, undefined, undefined, undefined) as MsgVote;
}

export function msgVoteResp(term: number, from: NodeId, to: NodeId, reject: boolean): MsgVoteResp {
  return message('MsgVoteResp', term, from, to, undefined, undefined, undefined, undefined, reject, undefined) as MsgVoteResp;
}

export function msgApp(term: number, from: NodeId, to: NodeId, index: number, logTerm: number, entries: Entry[], commit: number): MsgApp {
  return message('MsgApp', term, from, to, index, logTerm, entries, commit, undefined, undefined) as MsgApp;
}

export function msgAppResp(term: number, from: NodeId, to: NodeId, index: number, reject: boolean, rejectHint: number): MsgAppResp {
  return message('MsgAppResp', term, from, to, index, undefined, undefined, undefined, reject, rejectHint) as MsgAppResp;
}

export function msgHeartbeat(term: number, from: NodeId, to: NodeId, commit: number): MsgHeartbeat {
  return message('MsgHeartbeat', term, from, to, undefined, undefined, undefined, commit, undefined, undefined) as MsgHeartbeat;
}

export function msgHeartbeatResp(term: number, from: NodeId, to: NodeId): MsgHeartbeatResp {
  return message('MsgHeartbeatResp', term, from, to, undefined, undefined, undefined, undefined, undefined, undefined) as MsgHeartbeatResp;
}

export function msgProp(term: number, from: NodeId, to: NodeId, entries: ProposedEntry[]): MsgProp {
  return message('MsgProp', term, from, to, undefined, undefined, entries, undefined, undefined, undefined) as MsgProp;
}
