import type { World } from '../sim/world.ts';
import type { HttpRequest, HttpResponseWriter } from '../sim/http.ts';
import type { MemberSnapshot, EtcdRole } from '../snapshot.ts';
import { RaftNode } from './raft/node.ts';
import type { Entry, RaftMessage, ConfChange } from './raft/types.ts';
import type { Store } from './keyspace/store.ts';
import type { EtcdRequest } from './v2keys/request.ts';
import { applyRequest, type ApplyResult } from './v2keys/apply.ts';
import type { KeysServer } from './v2keys/handler.ts';
import { routeKeys } from './v2keys/router.ts';
import { type EtcdConfig, urlHost } from './config.ts';
import {
  CLUSTER_VERSION,
  SERVER_VERSION,
  Membership,
  type Member,
  attributesJson,
  clusterVersionPath,
  memberAttributesPath,
  memberRaftAttributesPath,
  raftAttributesJson,
  removedMemberPath,
} from './membership.ts';
import { FollowerStats, SelfStats } from './stats.ts';
import { memberId } from './identity.ts';
import { wallMs as wallMsOf } from '../sim/time.ts';
import { routeClientRequest } from './client-routes.ts';
import { memberView } from './member-view.ts';
import { EtcdLog, type EtcdProcessHost } from './log.ts';
import { bootEtcd, type EtcdDataDir, type NewMemberPlan } from './startup.ts';
import { EtcdProxy } from './proxy/proxy.ts';
import { listenClientURLs } from './config.ts';
import { logMemberStart, RoleLogger } from './role-log.ts';
import { bootEtcd04 } from './v04/startup.ts';
import { etcd04Log } from './v04/log.ts';
import { RoleLogger04 } from './v04/role-log.ts';
import { routeClient04 } from './v04/routes.ts';
import { routePeer04 } from './v04/peer-routes.ts';
import { registerMachine, unregisterMachine } from './v04/registry.ts';
import { freshDisk, servePeerRequest } from './fresh-disk.ts';

import type { EtcdDisk } from './disk.ts';
export type { EtcdDisk } from './disk.ts';
export type { EtcdDataDir } from './startup.ts';
export type { EtcdProcessHost } from './log.ts';

/** What the etcd2 process is doing: none = not running (stopped, failed or never started). */
export type EtcdMode = 'none' | 'starting' | 'member' | 'proxy';

const majorMinor = (v: string) => v.split('.').slice(0, 2).join('.');

/** The host part of a peer URL, parsed once per URL (every raft message asks). */
const peerHosts = new Map<string, string>();

function peerHostOf(url: string): string {
  let host = peerHosts.get(url);
  if (host === undefined) peerHosts.set(url, (host = urlHost(url).host));
  return host;
}

/** etcd 2.3's request timeout: 5 s + 2 election timeouts. */
const requestTimeoutMs = (electionMs: number) => 5000 + 2 * electionMs;
/** The leader proposes a SYNC entry this often (it expires TTL keys; /health relies on it). */
const SYNC_INTERVAL_MS = 500;
/** Raft messages may be lost on the wire (one options object for every send). */
const RAFT_SEND = { unreliable: true } as const;

interface Pending {
  done: (r: ApplyResult | 'timeout') => void;
  timer: number;
}

/**
 * One etcd2 member on a host: Raft node + keyspace + client and peer HTTP. What is on `disk`
 * survives a crash; everything else is rebuilt by `start()`.
 */
export class EtcdServer implements KeysServer {
  readonly name = 'etcd2';
  private node: RaftNode | undefined;
  private pending = new Map<string, Pending>();
  /** Proposals made while no leader is known wait here, as etcd's raft node blocks them. */
  private queued: { data: EtcdRequest; id: string }[] = [];
  private reqSeq = 0;
  private syncTimer: number | undefined;
  private published = false;
  private closers: (() => void)[] = [];
  private leaderId: string | undefined;
  private role: EtcdRole = 'offline';
  selfStats: SelfStats | undefined;
  readonly followerStats = new Map<string, FollowerStats>();
  private sentAt = new Map<string, number>();
  /** Set when the member learns it was removed from the cluster: it stays stopped. */
  removed = false;
  readonly log: EtcdLog;
  private modeNow: EtcdMode = 'none';
  /** Bumped on every start and stop: async steps of an earlier run see they are stale. */
  private life = 0;
  private undo: (() => void)[] = [];
  private proxy: EtcdProxy | undefined;
  private roleLog: Pick<RoleLogger, 'changed'> | undefined;
  /** etcd 0.4 (`etcd.service`): its own start, log, routes and registry (src/etcd/v04). */
  private readonly v04: boolean;
  /** Exit status of the last run that ended by itself (a failed start, a removal). */
  exitCode: number | undefined;
  /** Told when the process exits by itself (systemd's Restart= hears it). */
  onExit: ((code: number) => void) | undefined;

  constructor(
    readonly world: World,
    readonly hostName: string,
    readonly config: EtcdConfig,
    readonly diskRef: EtcdDataDir,
    proc?: EtcdProcessHost,
  ) {
    this.proc = proc;
    this.v04 = config.flavor === 'etcd';
    this.log = this.v04 ? etcd04Log(world, proc) : new EtcdLog(proc);
  }

  private readonly proc: EtcdProcessHost | undefined;

  /** member, proxy, starting (discovery or a join in progress) or none. */
  mode(): EtcdMode {
    return this.modeNow;
  }

  /** The proxy's current client endpoints (proxy mode), for tests and the inspector. */
  proxyEndpoints(): string[] {
    return this.proxy?.clientURLs() ?? [];
  }

  get disk(): EtcdDisk {
    return this.diskRef.etcd!;
  }

  get store(): Store {
    return this.disk.store;
  }

  get clusterId(): string {
    return this.disk.membership.clusterId;
  }

  get id(): string {
    return this.disk.memberId;
  }

  get membership(): Membership {
    return this.disk.membership;
  }

  isRunning(): boolean {
    return this.node !== undefined;
  }

  now(): number {
    return this.world.now();
  }

  raftIndex(): number {
    return this.disk.applied;
  }

  raftTerm(): number {
    return this.disk.raft.term;
  }

  leader(): string | undefined {
    return this.leaderId;
  }

  isLeader(): boolean {
    return this.role === 'leader';
  }

  start(): void {
    if (this.removed) return;
    this.life++;
    this.exitCode = undefined;
    this.log.pid = this.proc?.allocPid() ?? 0;
    this.modeNow = 'starting';
    const life = this.life;
    (this.v04 ? bootEtcd04 : bootEtcd)({
      world: this.world,
      hostName: this.hostName,
      config: this.config,
      diskRef: this.diskRef,
      log: this.log,
      alive: () => this.life === life,
      track: (u) => this.undo.push(u),
      runMember: (plan) => this.runMember(plan),
      runProxy: (urls) => this.runProxy(urls),
      exit: (code) => this.exit(code),
    });
  }

  /** The process ends by itself (a failed start): nothing runs until the next start. */
  private exit(code: number): void {
    this.stop();
    this.exitCode = code;
    this.onExit?.(code);
  }

  private runProxy(peerURLs: string[]): void {
    this.modeNow = 'proxy';
    this.role = 'proxy';
    this.proxy = new EtcdProxy(
      {
        world: this.world,
        hostName: this.hostName,
        log: this.log,
        readonly: this.config.proxy === 'readonly',
        clientPorts: this.config.clientPorts,
        listenClientURLs: listenClientURLs(this.config),
        track: (u) => this.undo.push(u),
        savePeerURLs: (urls) => (this.diskRef.proxy = { peerURLs: urls }),
      },
      peerURLs,
    );
    this.proxy.start();
    this.traceRole();
  }

  /** NewServer done: a fresh data dir from `plan`, or the one on disk. */
  private runMember(plan?: NewMemberPlan): void {
    if (plan) this.bootstrap(plan);
    const disk = this.disk;
    if (!this.v04) logMemberStart(this.log, disk, !plan, SERVER_VERSION);
    this.modeNow = 'member';
    this.roleLog = this.v04
      ? new RoleLogger04(this.log, this.config.name, disk.raft.term, (id) => disk.membership.members.get(id)?.name ?? '')
      : new RoleLogger(this.log, disk);
    this.published = false;
    this.role = 'follower';
    this.selfStats = new SelfStats(this.config.name, disk.memberId, this.world.now());
    this.node = new RaftNode({
      id: disk.memberId,
      storage: disk.raft,
      clock: this.world.clock,
      rng: this.world.rng,
      heartbeatMs: this.config.heartbeatMs,
      electionMs: this.config.electionMs,
      appliedIndex: disk.applied,
      send: (to, msg) => this.sendRaft(to, msg),
      onCommitted: (entries) => this.applyEntries(entries),
      onRoleChange: (role, term, leader) => this.roleChanged(role, term, leader),
      name: this.hostName,
      nameOf: (id) => this.hostOfMember(id) ?? id,
      trace: (e) => this.world.trace.emit(e),
      traceActive: () => this.world.trace.active,
    });
    const peerHttp = this.world.http.portHandler(this.hostName, (req, res) => this.servePeer(req, res));
    for (const port of this.config.peerPorts) {
      // One port for raft messages and the peer HTTP API (GET /members).
      this.world.net.listen(this.hostName, port, (m) => (m.kind.startsWith('http.') ? peerHttp(m) : this.recvRaft(m.payload as RaftMessage)));
      this.undo.push(() => this.world.net.unlisten(this.hostName, port));
    }
    for (const port of this.config.clientPorts) {
      this.closers.push(this.world.http.listen(this.hostName, port, (req, res) => this.serveClient(req, res)));
    }
    this.traceRole();
  }

  stop(): void {
    this.life++;
    this.modeNow = 'none';
    for (const u of this.undo.splice(0)) u();
    this.proxy?.stop();
    this.proxy = undefined;
    this.roleLog = undefined;
    this.node?.stop();
    this.node = undefined;
    this.world.clock.cancel(this.syncTimer);
    this.syncTimer = undefined;
    for (const p of this.pending.values()) this.world.clock.cancel(p.timer);
    this.pending.clear();
    this.queued = [];
    this.diskRef.etcd?.store.clearWatchers();
    for (const c of this.closers) c();
    this.closers = [];
    this.leaderId = undefined;
    this.role = 'offline';
    this.followerStats.clear();
    this.sentAt.clear();
    this.traceRole();
  }

  /** A fresh data dir from the plan NewServer made (fresh-disk.ts). */
  private bootstrap(plan: NewMemberPlan): void {
    this.diskRef.etcd = freshDisk(plan, this.config);
  }

  /** The peer port's HTTP API (etcdhttp peer.go): `GET /members`. */
  private servePeer(req: HttpRequest, res: HttpResponseWriter): void {
    if (this.v04) return routePeer04(this, req, res);
    servePeerRequest(this.membership, req, res);
  }

  // ---- Raft transport -------------------------------------------------------------------

  /** The port of a member's first peer URL: 2380 for etcd2, 7001 for 0.4. */
  private peerPortOfMember(id: string): number {
    const url = this.disk.membership.members.get(id)?.peerURLs[0];
    return url ? urlHost(url).port : 2380;
  }

  private hostOfMember(id: string): string | undefined {
    const m = this.disk.membership.members.get(id);
    const url = m?.peerURLs[0];
    if (!url) return undefined;
    return this.world.net.resolve(peerHostOf(url), this.hostName);
  }

  private sendRaft(to: string, msg: RaftMessage): void {
    const host = this.hostOfMember(to);
    if (!host) return;
    if (msg.type === 'MsgApp' || msg.type === 'MsgHeartbeat') {
      this.selfStats?.sendAppend(this.world.now());
      this.sentAt.set(to, this.world.now());
    }
    this.world.net.send(this.hostName, host, this.peerPortOfMember(to), msg.type, msg, RAFT_SEND);
  }

  private recvRaft(msg: RaftMessage): void {
    if (!this.node) return;
    if (msg.type === 'MsgApp' || msg.type === 'MsgHeartbeat') this.selfStats?.recvAppend(this.world.now());
    if (msg.type === 'MsgAppResp' || msg.type === 'MsgHeartbeatResp') {
      const sent = this.sentAt.get(msg.from);
      let fs = this.followerStats.get(msg.from);
      if (!fs) this.followerStats.set(msg.from, (fs = new FollowerStats()));
      if (sent !== undefined) fs.succeed(this.world.now() - sent);
    }
    this.node.step(msg);
  }

  // ---- Proposals ------------------------------------------------------------------------

  propose(req: EtcdRequest, done: (result: ApplyResult | 'timeout') => void): void {
    if (!this.node) return done('timeout');
    const id = `${this.disk.memberId}:${this.world.now()}:${++this.reqSeq}`;
    const data = { ...req, ID: id };
    const timer = this.world.clock.schedule(() => {
      this.pending.delete(id);
      this.queued = this.queued.filter((q) => q.id !== id);
      done('timeout');
    }, requestTimeoutMs(this.config.electionMs));
    this.pending.set(id, { done, timer });
    if (!this.node.propose(data)) this.queued.push({ data, id });
  }

  private flushQueued(): void {
    if (!this.node || this.leaderId === undefined) return;
    const q = this.queued;
    this.queued = [];
    for (const item of q) if (this.pending.has(item.id) && !this.node.propose(item.data)) this.queued.push(item);
  }

  /** Proposes an internal write (attributes, cluster version); errors are ignored. */
  private proposeInternal(req: Partial<EtcdRequest>, then?: (r: ApplyResult | 'timeout') => void): void {
    this.propose({ Method: 'PUT', ...req } as EtcdRequest, (r) => then?.(r));
  }

  // ---- Membership changes ---------------------------------------------------------------

  private pendingConf = new Map<string, { done: (r: 'ok' | 'timeout') => void; timer: number }>();

  setTimer(fn: () => void, ms: number): void {
    this.world.clock.schedule(fn, ms);
  }

  private proposeConf(cc: ConfChange, done: (r: 'ok' | 'timeout') => void): void {
    if (!this.node) return done('timeout');
    const timer = this.world.clock.schedule(() => {
      this.pendingConf.delete(cc.nodeId);
      done('timeout');
    }, requestTimeoutMs(this.config.electionMs));
    this.pendingConf.set(cc.nodeId, { done, timer });
    const attempt = () => {
      if (!this.node || !this.pendingConf.has(cc.nodeId)) return;
      // No leader yet, or another change still pending: try again shortly.
      if (!this.node.proposeConfChange(cc)) this.world.clock.schedule(attempt, 100);
    };
    attempt();
  }

  /** `POST /v2/members`: a new member, unstarted until it runs with state `existing`. */
  addMember(peerURLs: string[], done: (r: Member | 'exists' | 'timeout') => void, attrs?: { id: string; name: string; clientURLs: string[] }): void {
    const ms = this.disk.membership;
    if (peerURLs.some((u) => ms.byPeerURL(u))) return done('exists');
    const nanos = BigInt(Math.round(wallMsOf(this.world.now()))) * 1_000_000n;
    // etcd 0.4's JoinCommand carries the machine's name and client URL (v04/peer-routes.ts).
    const id = attrs?.id ?? memberId(peerURLs, '', nanos);
    const m: Member = { id, name: attrs?.name ?? '', peerURLs, clientURLs: attrs?.clientURLs ?? [] };
    this.proposeConf({ type: 'addNode', nodeId: id, context: m }, (r) => done(r === 'ok' ? m : r));
  }

  removeMember(id: string, done: (r: 'ok' | 'removed' | 'notfound' | 'timeout') => void): void {
    const ms = this.disk.membership;
    if (ms.removed.has(id)) return done('removed');
    if (!ms.members.has(id)) return done('notfound');
    this.proposeConf({ type: 'removeNode', nodeId: id }, done);
  }

  /** `PUT /v2/members/<id>`: new peer URLs for a member. */
  updateMember(id: string, body: string, done: (status: number, msg: string) => void): void {
    const ms = this.disk.membership;
    const m = ms.members.get(id);
    if (!m) return done(404, `No such member: ${id}`);
    let peerURLs: string[];
    try {
      peerURLs = (JSON.parse(body) as { peerURLs: string[] }).peerURLs;
      if (!Array.isArray(peerURLs)) throw new Error();
    } catch {
      return done(400, 'Invalid JSON or peerURLs');
    }
    if (peerURLs.some((u) => { const o = ms.byPeerURL(u); return o !== undefined && o.id !== id; })) return done(409, 'etcdserver: peerURL exists');
    this.proposeInternal({ Path: memberRaftAttributesPath(id), Val: raftAttributesJson({ ...m, peerURLs }) }, (r) =>
      r === 'timeout' ? done(500, 'Internal Server Error') : done(204, ''),
    );
  }

  // ---- Apply ----------------------------------------------------------------------------

  private applyEntries(entries: Entry[]): void {
    for (const e of entries) {
      if (e.index <= this.disk.applied) continue;
      this.disk.applied = e.index;
      if (e.type === 'confChange') this.applyConfChange(e.data as ConfChange);
      else if (e.data) this.applyNormal(e);
      if (!this.node) return;
    }
    this.afterApply();
  }

  private applyNormal(e: Entry): void {
    const req = e.data as EtcdRequest;
    const result = applyRequest(this.disk.store, req, this.world.now());
    const attr = req.Path?.startsWith('/0/members/') ? /^\/0\/members\/([0-9a-f]+)\/(attributes|raftAttributes)$/.exec(req.Path) : null;
    if (attr) {
      this.disk.membership.update(attr[1]!, JSON.parse(req.Val) as Partial<Member>);
    } else if (req.Path === clusterVersionPath) {
      if (this.disk.membership.version === undefined) {
        this.log.notice(`set the initial cluster version to ${majorMinor(req.Val)}`);
        this.log.info(`enabled capabilities for version ${majorMinor(req.Val)}`);
      }
      this.disk.membership.version = req.Val;
    }
    if (req.Method !== 'SYNC' && this.world.trace.active) {
      this.world.trace.emit({
        t: this.world.now(),
        type: 'etcd.apply',
        host: this.hostName,
        raftIndex: e.index,
        etcdIndex: this.disk.store.index(),
        action: req.Method,
        key: req.Path,
      });
    }
    const p = req.ID ? this.pending.get(req.ID) : undefined;
    if (p) {
      this.pending.delete(req.ID!);
      this.world.clock.cancel(p.timer);
      p.done(result);
    }
  }

  private applyConfChange(cc: ConfChange): void {
    const ms = this.disk.membership;
    const now = this.world.now();
    if (cc.type === 'addNode') {
      const m = cc.context as Member;
      const known = ms.members.get(m.id);
      // A joining member knows the others from GET /members already; the log replays them.
      ms.add(known && known.name !== '' ? known : { ...m, clientURLs: [...m.clientURLs] });
      if (this.v04) {
        // goraft's AddPeer (no event for itself) and the registry's /_etcd/machines key.
        if (m.id !== this.disk.memberId) this.log.info(`${this.config.name}: peer added: '${m.name}'`);
        registerMachine(this.disk.store, m.name, m.clientURLs[0] ?? '', m.peerURLs[0] ?? '', now);
      } else {
        this.log.info(`added member ${m.id} [${m.peerURLs.join(' ')}] to cluster ${ms.clusterId}`);
        applyRequest(this.disk.store, { Method: 'PUT', Path: memberRaftAttributesPath(m.id), Val: raftAttributesJson(m), PrevExist: false } as EtcdRequest, now);
      }
    } else if (this.v04) {
      const name = ms.members.get(cc.nodeId)?.name ?? '';
      ms.remove(cc.nodeId);
      this.log.info(`${this.config.name}: peer removed: '${name}'`);
      unregisterMachine(this.disk.store, name, now);
    } else {
      ms.remove(cc.nodeId);
      this.log.info(`removed member ${cc.nodeId} from cluster ${ms.clusterId}`);
      applyRequest(this.disk.store, { Method: 'DELETE', Path: `/0/members/${cc.nodeId}`, Recursive: true, Dir: true } as EtcdRequest, now);
      applyRequest(this.disk.store, { Method: 'PUT', Path: removedMemberPath(cc.nodeId), Val: '', PrevExist: false } as EtcdRequest, now);
    }
    this.node?.applyConfChange(cc);
    const waiting = this.pendingConf.get(cc.nodeId);
    if (waiting) {
      this.pendingConf.delete(cc.nodeId);
      this.world.clock.cancel(waiting.timer);
      waiting.done('ok');
    }
    if (cc.type === 'removeNode' && cc.nodeId === this.disk.memberId) {
      // etcd's run loop ends with ErrMemberRemoved; the process exits.
      this.log.error('the member has been permanently removed from the cluster');
      this.log.info('the data-dir used by this member must be removed.');
      this.removed = true;
      this.exit(0);
    }
  }

  /** The leader sets the cluster version once every member has published its attributes. */
  private afterApply(): void {
    // etcd 0.4 has no cluster version.
    if (!this.isLeader() || this.v04) return;
    const ms = this.disk.membership;
    if (ms.version === undefined && !this.versionProposed && ms.list().every((m) => m.name !== '')) {
      this.versionProposed = true;
      this.log.info(`setting up the initial cluster version to ${majorMinor(CLUSTER_VERSION)}`);
      this.proposeInternal({ Path: clusterVersionPath, Val: CLUSTER_VERSION }, () => (this.versionProposed = false));
    }
  }

  private versionProposed = false;

  // ---- Roles ----------------------------------------------------------------------------

  private roleChanged(role: 'follower' | 'candidate' | 'leader', term: number, leader: string | undefined): void {
    this.roleLog?.changed(role, term, leader, this.node?.voters() ?? []);
    const wasLeader = this.role === 'leader';
    this.role = role;
    this.leaderId = leader;
    if (leader) this.selfStats?.becameFollowerOf(leader, this.world.now());
    if (role === 'leader' && !wasLeader) this.scheduleSync();
    if (role !== 'leader' && wasLeader) {
      this.world.clock.cancel(this.syncTimer);
      this.syncTimer = undefined;
      this.followerStats.clear();
    }
    if (leader !== undefined) {
      this.flushQueued();
      if (!this.published) this.publish();
      this.afterApply();
    }
  }

  /** etcd publishes its name and client URLs through Raft on every start, retrying until it lands. */
  private publish(): void {
    this.published = true;
    // etcd 0.4's join already carried the name and client URL.
    if (this.v04) return;
    const self = this.disk.membership.members.get(this.disk.memberId);
    const attrs = { id: this.disk.memberId, name: this.config.name, peerURLs: self?.peerURLs ?? [], clientURLs: this.config.clientURLs };
    this.proposeInternal({ Path: memberAttributesPath(this.disk.memberId), Val: attributesJson(attrs) }, (r) => {
      if (r === 'timeout' && this.node) return this.publish();
      if (r !== 'timeout') this.log.info(`published {Name:${attrs.name} ClientURLs:[${attrs.clientURLs.join(' ')}]} to cluster ${this.clusterId}`);
    });
  }

  private scheduleSync(): void {
    this.syncTimer = this.world.clock.schedule(() => {
      if (!this.node || this.role !== 'leader') return;
      this.node.propose({ Method: 'SYNC', Time: this.world.now(), ID: '' } as unknown as EtcdRequest);
      this.scheduleSync();
    }, SYNC_INTERVAL_MS);
  }

  private traceRole(): void {
    this.world.trace.emit({
      t: this.world.now(),
      type: 'raft.role',
      host: this.hostName,
      member: this.diskRef.etcd?.memberId ?? '',
      role: this.role,
      term: this.diskRef.etcd?.raft.term ?? 0,
      leader: this.leaderId,
    });
  }

  // ---- Client HTTP ----------------------------------------------------------------------

  private serveClient(req: HttpRequest, res: HttpResponseWriter): void {
    if (this.v04) routeClient04(this, req, res);
    else if (!routeKeys(this, req, res)) routeClientRequest(this, req, res);
  }

  /** Server-side view for the screen (see member-view.ts). */
  view(): MemberSnapshot {
    const role: EtcdRole = this.node ? this.role : this.modeNow === 'proxy' ? 'proxy' : 'offline';
    return memberView(this.diskRef.etcd, this.config.name, role, this.leaderId, this.node?.view(), (id) => this.hostOfMember(id) ?? id);
  }
}
