import { clusterId as computeClusterId, compareIds, memberId } from './identity.ts';

/** A member as etcd records it: raft attributes (peer URLs) and published attributes. */
export interface Member {
  id: string;
  /** Empty until the member has started and published its attributes. */
  name: string;
  peerURLs: string[];
  clientURLs: string[];
}

/** Where etcd keeps cluster metadata in its store (the hidden `/0` namespace). */
export const STORE_CLUSTER_PREFIX = '/0';
export const memberRaftAttributesPath = (id: string) => `/0/members/${id}/raftAttributes`;
export const memberAttributesPath = (id: string) => `/0/members/${id}/attributes`;
export const removedMemberPath = (id: string) => `/0/removed_members/${id}`;
export const clusterVersionPath = '/0/version';
/** etcd 2.3.7 sets the cluster version to major.minor.0. */
export const CLUSTER_VERSION = '2.3.0';

/** version.Cluster: a version as etcd logs a cluster version, `2.3.0` -> `2.3`. */
export const majorMinor = (v: string) => v.split('.').slice(0, 2).join('.');
export const SERVER_VERSION = '2.3.7';

export function raftAttributesJson(m: Member): string {
  return JSON.stringify({ peerURLs: m.peerURLs });
}

export function attributesJson(m: Member): string {
  return JSON.stringify({ name: m.name, clientURLs: m.clientURLs });
}

/**
 * The cluster's membership as one member knows it. It is part of the member's disk: etcd
 * rebuilds it from the store on restart, we keep it beside the store.
 */
export class Membership {
  readonly members = new Map<string, Member>();
  readonly removed = new Set<string>();
  version: string | undefined;
  /** `/v2/members` body, cached: every etcdctl run fetches it to sync its endpoints. */
  private json: string | undefined;

  constructor(public clusterId: string) {}

  /** The initial cluster of a static or discovery bootstrap, IDs computed as etcd does. */
  static initial(initial: { name: string; peerURLs: string[] }[], token: string): { membership: Membership; ids: string[] } {
    const ids = initial.map((m) => memberId(m.peerURLs, token));
    const membership = new Membership(computeClusterId(ids));
    return { membership, ids };
  }

  /** Members ordered by ID, as /v2/members lists them. */
  list(): Member[] {
    return [...this.members.values()].sort((a, b) => compareIds(a.id, b.id));
  }

  add(m: Member): void {
    this.members.set(m.id, m);
    this.changed();
  }

  /** Updates a member's attributes or peer URLs. */
  update(id: string, attrs: Partial<Member>): void {
    const m = this.members.get(id);
    if (!m) return;
    Object.assign(m, attrs);
    this.changed();
  }

  private changed(): void {
    this.json = undefined;
  }

  remove(id: string): void {
    this.changed();
    this.members.delete(id);
    this.removed.add(id);
  }

  byName(name: string): Member | undefined {
    return [...this.members.values()].find((m) => m.name === name);
  }

  /** Client URLs of every started member, as the cluster advertises them (`/v2/machines`). */
  clientURLs(): string[] {
    return this.list().flatMap((m) => m.clientURLs);
  }

  /** The member whose peer URLs include `url`, if any (duplicate-peer checks). */
  byPeerURL(url: string): Member | undefined {
    return [...this.members.values()].find((m) => m.peerURLs.includes(url));
  }

  /** JSON of one member as the members API writes it. */
  static memberJson(m: Member): string {
    return JSON.stringify({ id: m.id, name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs });
  }

  membersJson(): string {
    return (this.json ??= `{"members":[${this.list().map(Membership.memberJson).join(',')}]}`);
  }
}
