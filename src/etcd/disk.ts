import type { RaftStorage } from './raft/types.ts';
import type { Store } from './keyspace/store.ts';
import type { Membership } from './membership.ts';

/** What an etcd member keeps in its data dir: it survives crashes. */
export interface EtcdDisk {
  raft: RaftStorage;
  store: Store;
  membership: Membership;
  memberId: string;
  applied: number;
  /**
   * The membership and cluster-version lines that applying the log printed, with their entry's
   * index: on a restart etcd replays the log (there is no snapshot) and prints them again.
   */
  applyLines?: AppliedLine[];
}

export interface AppliedLine {
  index: number;
  line: string;
  notice?: boolean;
}

/** Logs an apply line and keeps it for the replays of later restarts. */
export function logApplied(disk: EtcdDisk, log: { info(l: string): void; notice(l: string): void }, line: string, notice = false): void {
  if (notice) log.notice(line);
  else log.info(line);
  (disk.applyLines ??= []).push(notice ? { index: disk.applied, line, notice } : { index: disk.applied, line });
}
