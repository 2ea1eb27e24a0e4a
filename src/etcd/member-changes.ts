import type { World } from '../sim/world.ts';
import type { RaftNode } from './raft/node.ts';
import type { ConfChange } from './raft/types.ts';
import type { EtcdRequest } from './v2keys/request.ts';
import { applyRequest, type ApplyResult } from './v2keys/apply.ts';
import type { ProposeFailure } from './v2keys/responses.ts';
import { logApplied, type EtcdDisk } from './disk.ts';
import type { EtcdLog } from './log.ts';
import { type Member, memberRaftAttributesPath, raftAttributesJson, removedMemberPath } from './membership.ts';
import { memberId } from './identity.ts';
import { wallMs } from '../sim/time.ts';
import { etcd04Module } from '../lazy-modules.ts';

/** What a member's configuration changes need of their server. */
export interface ConfChangeHost {
  readonly world: World;
  readonly log: EtcdLog;
  /** etcd 0.4 keeps its members under /_etcd/machines instead of /0/members. */
  readonly v04: boolean;
  readonly name: string;
  readonly requestTimeoutMs: number;
  disk(): EtcdDisk;
  node(): RaftNode | undefined;
  proposeInternal(req: Partial<EtcdRequest>, then: (r: ApplyResult | ProposeFailure) => void): void;
  /** This member was removed from the cluster: etcd's run loop ends and the process exits. */
  removedSelf(): void;
}

/** Attributes etcd 0.4's JoinCommand carries (v04/peer-routes.ts). */
export interface JoinAttributes {
  id: string;
  name: string;
  clientURLs: string[];
}

/**
 * Membership changes of one member (etcdserver's AddMember/RemoveMember/UpdateMember): proposed
 * as raft conf changes one at a time, applied to the membership and the `/0/members` keys.
 */
export class MemberChanges {
  private pending = new Map<string, { done: (r: 'ok' | 'timeout') => void; timer: number }>();

  constructor(private s: ConfChangeHost) {}

  /** `POST /v2/members`: a new member, unstarted until it runs with state `existing`. */
  add(peerURLs: string[], done: (r: Member | 'exists' | 'timeout') => void, attrs?: JoinAttributes): void {
    const ms = this.s.disk().membership;
    if (peerURLs.some((u) => ms.byPeerURL(u))) return done('exists');
    const nanos = BigInt(Math.round(wallMs(this.s.world.now()))) * 1_000_000n;
    const id = attrs?.id ?? memberId(peerURLs, '', nanos);
    const m: Member = { id, name: attrs?.name ?? '', peerURLs, clientURLs: attrs?.clientURLs ?? [] };
    this.propose({ type: 'addNode', nodeId: id, context: m }, (r) => done(r === 'ok' ? m : r));
  }

  remove(id: string, done: (r: 'ok' | 'removed' | 'notfound' | 'timeout') => void): void {
    const ms = this.s.disk().membership;
    if (ms.removed.has(id)) return done('removed');
    if (!ms.members.has(id)) return done('notfound');
    this.propose({ type: 'removeNode', nodeId: id }, done);
  }

  /** `PUT /v2/members/<id>`: new peer URLs for a member. */
  update(id: string, peerURLs: string[], done: (status: number, msg: string) => void): void {
    const ms = this.s.disk().membership;
    const m = ms.members.get(id);
    if (!m) return done(404, `No such member: ${id}`);
    if (peerURLs.some((u) => { const o = ms.byPeerURL(u); return o !== undefined && o.id !== id; })) return done(409, 'etcdserver: peerURL exists');
    this.s.proposeInternal({ Path: memberRaftAttributesPath(id), Val: raftAttributesJson({ ...m, peerURLs }) }, (r) =>
      typeof r === 'string' ? done(500, 'Internal Server Error') : done(204, ''),
    );
  }

  private propose(cc: ConfChange, done: (r: 'ok' | 'timeout') => void): void {
    const clock = this.s.world.clock;
    if (!this.s.node()) return done('timeout');
    const timer = clock.schedule(() => {
      this.pending.delete(cc.nodeId);
      done('timeout');
    }, this.s.requestTimeoutMs);
    this.pending.set(cc.nodeId, { done, timer });
    const attempt = () => {
      const node = this.s.node();
      if (!node || !this.pending.has(cc.nodeId)) return;
      // No leader yet, or another change still pending: try again shortly.
      if (!node.proposeConfChange(cc)) clock.schedule(attempt, 100);
    };
    attempt();
  }

  /** A committed conf change: membership, store keys, raft's voters, the waiting proposer. */
  apply(cc: ConfChange): void {
    const { log, world } = this.s;
    const disk = this.s.disk();
    const ms = disk.membership;
    const now = world.now();
    if (cc.type === 'addNode') {
      const m = cc.context as Member;
      const known = ms.members.get(m.id);
      // A joining member knows the others from GET /members already; the log replays them.
      ms.add(known && known.name !== '' ? known : { ...m, clientURLs: [...m.clientURLs] });
      if (this.s.v04) {
        // goraft's AddPeer (no event for itself) and the registry's /_etcd/machines key.
        if (m.id !== disk.memberId) log.info(`${this.s.name}: peer added: '${m.name}'`);
        etcd04Module()!.registerMachine(disk.store, m.name, m.clientURLs[0] ?? '', m.peerURLs[0] ?? '', now);
      } else {
        logApplied(disk, log, `added member ${m.id} [${m.peerURLs.join(' ')}] to cluster ${ms.clusterId}`);
        applyRequest(disk.store, { Method: 'PUT', Path: memberRaftAttributesPath(m.id), Val: raftAttributesJson(m), PrevExist: false } as EtcdRequest, now);
      }
    } else if (this.s.v04) {
      const name = ms.members.get(cc.nodeId)?.name ?? '';
      ms.remove(cc.nodeId);
      log.info(`${this.s.name}: peer removed: '${name}'`);
      etcd04Module()!.unregisterMachine(disk.store, name, now);
    } else {
      ms.remove(cc.nodeId);
      logApplied(disk, log, `removed member ${cc.nodeId} from cluster ${ms.clusterId}`);
      applyRequest(disk.store, { Method: 'DELETE', Path: `/0/members/${cc.nodeId}`, Recursive: true, Dir: true } as EtcdRequest, now);
      applyRequest(disk.store, { Method: 'PUT', Path: removedMemberPath(cc.nodeId), Val: '', PrevExist: false } as EtcdRequest, now);
    }
    this.s.node()?.applyConfChange(cc);
    const waiting = this.pending.get(cc.nodeId);
    if (waiting) {
      this.pending.delete(cc.nodeId);
      world.clock.cancel(waiting.timer);
      waiting.done('ok');
    }
    if (cc.type === 'removeNode' && cc.nodeId === disk.memberId) {
      log.error('the member has been permanently removed from the cluster');
      log.info('the data-dir used by this member must be removed.');
      this.s.removedSelf();
    }
  }
}
