import type { EtcdRole, MemberSnapshot } from '../snapshot.ts';
import type { RaftView } from './raft/node.ts';
import type { EtcdDisk } from './disk.ts';
import { entrySummary } from './entry-summary.ts';

/** How many of the newest log entries the inspector shows. */
const LOG_TAIL = 50;

/** A member as the screen sees it: plain data copied out of its disk and Raft node. */
export function memberView(
  disk: EtcdDisk | undefined,
  name: string,
  role: EtcdRole,
  leaderId: string | undefined,
  nv: RaftView | undefined,
  hostOf: (memberId: string) => string,
): MemberSnapshot {
  const log = disk?.raft.log ?? [];
  const commit = nv?.commitIndex ?? disk?.raft.commit ?? 0;
  const first = Math.max(1, log.length - LOG_TAIL);
  return {
    id: disk?.memberId ?? '',
    name,
    role,
    term: disk?.raft.term ?? 0,
    votedFor: disk?.raft.vote ? hostOf(disk.raft.vote) : undefined,
    leader: leaderId ? hostOf(leaderId) : undefined,
    commitIndex: commit,
    appliedIndex: disk?.applied ?? 0,
    lastIndex: log.length > 0 ? log[log.length - 1]!.index : 0,
    etcdIndex: disk?.store.index() ?? 0,
    electionDeadline: nv?.electionDeadline,
    electionTimeoutMs: nv?.electionTimeoutMs,
    votes: nv?.votes,
    log: log.slice(first).map((e) => ({ index: e.index, term: e.term, committed: e.index <= commit, summary: entrySummary(e) })),
    progress: nv?.progress ? Object.fromEntries(Object.entries(nv.progress).map(([id, p]) => [hostOf(id), p])) : undefined,
  };
}
