import type { HttpRequest, HttpResponseWriter } from '../sim/http.ts';
import type { EtcdConfig } from './config.ts';
import type { EtcdDisk } from './disk.ts';
import { goHttpError } from './go-http-error.ts';
import { newMemberStore } from './keyspace/namespaces.ts';
import { Membership } from './membership.ts';
import { RaftNode } from './raft/node.ts';
import { peerMembersJson } from './remote-cluster.ts';
import type { NewMemberPlan } from './startup.ts';

/**
 * A fresh data dir. A new cluster's conf changes are the first log entries (etcd's StartNode
 * with peers); a member joining an existing cluster starts with an empty log at term 1 (StartNode
 * without peers), knowing the members and the IDs the cluster gave them, and gets the whole log
 * from the leader (no snapshots in the simulation).
 */
export function freshDisk(plan: NewMemberPlan, config: EtcdConfig): EtcdDisk {
  const key = (urls: readonly string[]) => [...urls].sort().join(',');
  if (plan.existing) {
    const ex = plan.existing;
    const membership = new Membership(ex.clusterId);
    for (const m of ex.members) membership.add({ ...m, peerURLs: [...m.peerURLs], clientURLs: [...m.clientURLs] });
    const self = ex.members.find((m) => key(m.peerURLs) === key(config.peerURLs));
    return { raft: { term: 1, vote: undefined, commit: 0, log: [] }, store: newMemberStore(), membership, memberId: self?.id ?? '', applied: 0 };
  }
  const { membership, ids } = Membership.initial(plan.cluster, plan.token);
  const self = plan.cluster.findIndex((m) => m.name === config.name);
  const raft = RaftNode.bootstrapStorage(
    ids.map((id, i) => ({ id, context: { id, name: '', peerURLs: plan.cluster[i]!.peerURLs, clientURLs: [] } })),
  );
  return { raft, store: newMemberStore(), membership, memberId: ids[self]!, applied: 0 };
}

/** The peer port's HTTP API (etcdhttp peer.go): `GET /members`, the JSON a proxy or a joining member reads. */
export function servePeerRequest(membership: Membership, req: HttpRequest, res: HttpResponseWriter): void {
  // mux.HandleFunc("/", http.NotFound) and allowMethod: both Go's http.Error.
  if (req.path !== '/members') return goHttpError(res, 404, '404 page not found');
  if (req.method !== 'GET') return goHttpError(res, 405, 'Method Not Allowed', [['Allow', 'GET']]);
  res.writeHead(200, [['Content-Type', 'application/json'], ['X-Etcd-Cluster-Id', membership.clusterId]]);
  res.end(peerMembersJson(membership.list()));
}
