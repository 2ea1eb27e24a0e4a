import { createRaftState, type RaftState } from '../../../src/etcd/raft/state.ts';
import { emptyStorage } from '../../../src/etcd/raft/log.ts';
import type { Entry, NodeId, RaftMessage, RaftStorage } from '../../../src/etcd/raft/types.ts';

/** Entries of these terms at indexes from.. (data tags them by origin). */
export function ents(from: number, terms: readonly number[], tag = 'e'): Entry[] {
  return terms.map((t, i) => ({ index: from + i, term: t, type: 'normal', data: `${tag}${from + i}` }));
}

export function storageOf(log: readonly Entry[], term: number, commit = 0): RaftStorage {
  const s = emptyStorage();
  s.log.push(...log);
  s.term = term;
  s.commit = commit;
  return s;
}

/** A follower state with the given log (its term defaults to the last entry's). */
export function mkState(
  id: NodeId,
  voters: readonly NodeId[],
  log: readonly Entry[] = [],
  opts: { term?: number; commit?: number; now?: number; timeoutMs?: number } = {},
): RaftState {
  const term = opts.term ?? (log.length ? log[log.length - 1]!.term : 0);
  return createRaftState({
    id,
    storage: storageOf(log, term, opts.commit ?? 0),
    voters,
    now: opts.now ?? 0,
    timeoutMs: opts.timeoutMs ?? 1500,
  });
}

/** Takes the messages the rules queued. */
export function drain(s: RaftState): RaftMessage[] {
  const out = s.msgs;
  s.msgs = [];
  return out;
}

export function only<T extends RaftMessage['type']>(msgs: RaftMessage[], type: T): Extract<RaftMessage, { type: T }>[] {
  return msgs.filter((m): m is Extract<RaftMessage, { type: T }> => m.type === type);
}
