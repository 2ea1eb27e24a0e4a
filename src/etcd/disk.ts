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
}
