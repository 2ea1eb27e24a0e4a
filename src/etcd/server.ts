import type { World } from '../sim/world.ts';
import type { HttpRequest, HttpResponseWriter } from '../sim/http.ts';
import type { MemberSnapshot, EtcdRole } from '../snapshot.ts';
import { RaftNode } from './raft/node.ts';
import { termAt } from './raft/log.ts';
import type { Entry, RaftMessage, ConfChange } from './raft/types.ts';
import type { Store } from './keyspace/store.ts';
import type { EtcdRequest } from './v2keys/request.ts';
import { applyRequest, type ApplyResult } from './v2keys/apply.ts';
import type { KeysServer } from './v2keys/handler.ts';
import { routeKeys } from './v2keys/router.ts';
import type { EtcdConfig } from './config.ts';
import {
  CLUSTER_VERSION,
  SERVER_VERSION,
  Membership,
  type Member,
  attributesJson,
  clusterVersionPath,
  memberAttributesPath,
  majorMinor,
} from './membership.ts';
import { SelfStats, type FollowerStats } from './stats.ts';
import { RaftTransport } from './raft-transport.ts';
import { routeClientRequest } from './client-routes.ts';
import { memberView } from './member-view.ts';
import { EtcdLog, type EtcdProcessHost } from './log.ts';
import { bootEtcd, type EtcdDataDir, type NewMemberPlan } from './startup.ts';
import { EtcdProxy } from './proxy/proxy.ts';
import { listenClientURLs } from './config.ts';
import { logMemberStart, RoleLogger } from './role-log.ts';
import { Proposals } from './proposals.ts';
import { etcd04Module, type Etcd04Module } from '../lazy-modules.ts';
import { PeerLinks } from './peer-links.ts';
import { proposeTimeoutCause } from './timeout-cause.ts';
import { proposeFailureError, type ProposeFailure } from './v2keys/responses.ts';
import { MemberChanges, type JoinAttributes } from './member-changes.ts';
import { freshDisk, servePeerRequest } from './fresh-disk.ts';
import { refuseUnparsableRequest } from './go-http-error.ts';

import { logApplied, type EtcdDisk } from './disk.ts';
export type { EtcdDisk } from './disk.ts';
export type { EtcdDataDir } from './startup.ts';
export type { EtcdProcessHost } from './log.ts';

/** What the etcd2 process is doing: none = not running (stopped, failed or never started). */
export type EtcdMode = 'none' | 'starting' | 'member' | 'proxy';

/** etcd 2.3's request timeout: 5 s + 2 election timeouts. */
const requestTimeoutMs = (electionMs: number) => 5000 + 2 * electionMs;
/** The leader proposes a SYNC entry this often (it expires TTL keys; /health relies on it). */
const SYNC_INTERVAL_MS = 500;

/**
 * One etcd2 member on a host: Raft node + keyspace + client and peer HTTP. What is on `disk`
 * survives a crash; everything else is rebuilt by `start()`.
 */
export class EtcdServer implements KeysServer {
  readonly name = 'etcd2';
  private node: RaftNode | undefined;
  private readonly proposals: Proposals;
  private syncTimer: number | undefined;
  private published = false;
  private closers: (() => void)[] = [];
  private leaderId: string | undefined;
  private role: EtcdRole = 'offline';
  selfStats: SelfStats | undefined;
  private readonly transport: RaftTransport;
  /** Set when the member learns it was removed from the cluster: it stays stopped. */
  removed = false;
  readonly log: EtcdLog;
  private modeNow: EtcdMode = 'none';
  /** Bumped on every start and stop: async steps of an earlier run see they are stale. */
  private life = 0;
  private undo: (() => void)[] = [];
  private proxy: EtcdProxy | undefined;
  private roleLog: Pick<RoleLogger, 'changed'> | undefined;
  /** The links to the peers as rafthttp sees them (etcd 2.x members only). */
  private links: PeerLinks | undefined;
  /** When this process last saw a new leader (etcdserver raftNode's `lt`). */
  private leadElectedAt: number | undefined;
  /** etcd 0.4 (`etcd.service`): its own start, log, routes and registry (src/etcd/v04). */
  private readonly v04: boolean;
  private readonly m04: Etcd04Module | undefined;
  /** Exit status of the last run that ended by itself (a failed start, a removal). */
  exitCode: number | undefined;
  /** Told when the process exits by itself (systemd's Restart= hears it). */
  onExit: ((code: number) => void) | undefined;
  /** Told when etcd sends systemd READY=1: a member or a proxy serving its client ports. */
  onReady: (() => void) | undefined;

  constructor(
    readonly world: World,
    readonly hostName: string,
    readonly config: EtcdConfig,
    readonly diskRef: EtcdDataDir,
    proc?: EtcdProcessHost,
  ) {
    this.proc = proc;
    this.v04 = config.flavor === 'etcd';
    // Loaded before anything could start an etcd 0.4 (lazy-modules.ts); without it the start fails.
    this.m04 = this.v04 ? etcd04Module() : undefined;
    this.log = this.m04 ? this.m04.etcd04Log(world, proc) : new EtcdLog(proc);
    this.transport = new RaftTransport(world, hostName, () => this.disk.membership, () => this.selfStats);
    this.proposals = new Proposals(world.clock, requestTimeoutMs(config.electionMs), (start) => this.timeoutCause(start));
    this.changes = new MemberChanges({
      world: this.world,
      log: this.log,
      v04: this.v04,
      name: this.config.name,
      requestTimeoutMs: requestTimeoutMs(this.config.electionMs),
      disk: () => this.disk,
      node: () => this.node,
      proposeInternal: (req, then) => this.proposeInternal(req, then),
      removedSelf: () => {
        this.removed = true;
        this.exit(0);
      },
    });
  }

  private readonly proc: EtcdProcessHost | undefined;

  /** Made before etcd 0.4's chunk was there, which now is: a new process object can run it. */
  get madeWithoutItsModule(): boolean {
    return this.v04 && !this.m04 && etcd04Module() !== undefined;
  }

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

  /**
   * X-Raft-Term: the term of the last applied entry (`etcdserver/server.go` apply() stores
   * e.Term), which stays put while a member without a quorum campaigns at ever higher terms.
   * etcd 0.4 sent its raft server's current term.
   */
  raftTerm(): number {
    return this.v04 ? this.disk.raft.term : (termAt(this.disk.raft, this.disk.applied) ?? 0);
  }

  /** The raft node's current term (its hard state), as the screen shows it. */
  currentTerm(): number {
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
    if (this.v04 && !this.m04) {
      this.log.error('etcd 0.4 is not loaded');
      return this.exit(1);
    }
    (this.m04 ? this.m04.bootEtcd04 : bootEtcd)({
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
        serving: () => this.onReady?.(),
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
      ? new this.m04!.RoleLogger04(this.log, this.config.name, disk.raft.term, (id) => disk.membership.members.get(id)?.name ?? '')
      : new RoleLogger(this.log, disk);
    this.published = false;
    this.leadElectedAt = undefined;
    if (!this.v04) {
      this.links = new PeerLinks(this.world.clock, this.world.net, this.hostName, () => this.transport.peerAddrs(this.disk.memberId));
      this.links.start();
    }
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
      send: (to, msg) => this.transport.send(to, msg),
      onCommitted: (entries) => this.applyEntries(entries),
      onRoleChange: (role, term, leader) => this.roleChanged(role, term, leader),
      // etcd 2's raft logs through capnslog into the journal; goraft's lines come from RoleLogger04.
      logger: this.v04 ? undefined : (line) => this.log.info(line),
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
    // EtcdServer.Start: `go s.publish(...)` at once; it waits for a leader (raft takes no
    // proposal without one) and logs a publish error each time its request timeout passes.
    this.publish();
    this.onReady?.();
  }

  stop(): void {
    this.life++;
    this.modeNow = 'none';
    for (const u of this.undo.splice(0)) u();
    this.proxy?.stop();
    this.proxy = undefined;
    this.roleLog = undefined;
    this.links?.stop();
    this.links = undefined;
    this.node?.stop();
    this.node = undefined;
    this.world.clock.cancel(this.syncTimer);
    this.syncTimer = undefined;
    this.proposals.clear();
    this.diskRef.etcd?.store.clearWatchers();
    for (const c of this.closers) c();
    this.closers = [];
    this.leaderId = undefined;
    this.role = 'offline';
    this.transport.clear();
    this.traceRole();
  }

  /** A fresh data dir from the plan NewServer made (fresh-disk.ts). */
  private bootstrap(plan: NewMemberPlan): void {
    this.diskRef.etcd = freshDisk(plan, this.config);
  }

  /** The peer port's HTTP API (etcdhttp peer.go): `GET /members`. */
  private servePeer(req: HttpRequest, res: HttpResponseWriter): void {
    if (refuseUnparsableRequest(req.path, res)) return;
    if (this.m04) return this.m04.routePeer04(this, req, res);
    servePeerRequest(this.membership, req, res);
  }

  // ---- Raft transport (raft-transport.ts) --------------------------------------------

  /** The leader's view of each follower (`/v2/stats/leader`). */
  get followerStats(): Map<string, FollowerStats> {
    return this.transport.followerStats;
  }

  private hostOfMember(id: string): string | undefined {
    return this.transport.hostOf(id);
  }

  private recvRaft(msg: RaftMessage): void {
    if (!this.node) return;
    this.transport.received(msg);
    this.node.step(msg);
  }

  // ---- Proposals ------------------------------------------------------------------------

  propose(req: EtcdRequest, done: (result: ApplyResult | ProposeFailure) => void): void {
    if (!this.node) return done('timeout');
    this.proposals.propose(this.node, this.disk.memberId, req, done);
  }

  /** The timeout text of a proposal made at `start` and not applied in time. */
  private timeoutCause(start: number): ProposeFailure {
    return proposeTimeoutCause({
      start,
      leadElectedAt: this.leadElectedAt,
      electionMs: this.config.electionMs,
      lead: this.leaderId,
      self: this.disk.memberId,
      members: [...this.disk.membership.members.keys()],
      activeSince: (id) => this.links?.activeSince(id),
    });
  }

  /** Proposes an internal write (attributes, cluster version); errors are ignored. */
  private proposeInternal(req: Partial<EtcdRequest>, then?: (r: ApplyResult | ProposeFailure) => void): void {
    this.propose({ Method: 'PUT', ...req } as EtcdRequest, (r) => then?.(r));
  }

  // ---- Membership changes (member-changes.ts) ------------------------------------------

  private readonly changes: MemberChanges;

  setTimer(fn: () => void, ms: number): void {
    this.world.clock.schedule(fn, ms);
  }

  addMember(peerURLs: string[], done: (r: Member | 'exists' | 'timeout') => void, attrs?: JoinAttributes): void {
    this.changes.add(peerURLs, done, attrs);
  }

  removeMember(id: string, done: (r: 'ok' | 'removed' | 'notfound' | 'timeout') => void): void {
    this.changes.remove(id, done);
  }

  updateMember(id: string, peerURLs: string[], done: (status: number, msg: string) => void): void {
    this.changes.update(id, peerURLs, done);
  }

  // ---- Apply ----------------------------------------------------------------------------

  private applyEntries(entries: Entry[]): void {
    for (const e of entries) {
      if (e.index <= this.disk.applied) continue;
      this.disk.applied = e.index;
      if (e.type === 'confChange') this.changes.apply(e.data as ConfChange);
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
        logApplied(this.disk, this.log, `set the initial cluster version to ${majorMinor(req.Val)}`, true);
        logApplied(this.disk, this.log, `enabled capabilities for version ${majorMinor(req.Val)}`);
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
    if (req.ID) this.proposals.applied(req.ID, result);
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
    if (leader !== undefined && leader !== this.leaderId) this.leadElectedAt = this.world.now();
    this.leaderId = leader;
    if (leader) this.selfStats?.becameFollowerOf(leader, this.world.now());
    if (role === 'leader' && !wasLeader) this.scheduleSync();
    if (role !== 'leader' && wasLeader) {
      this.world.clock.cancel(this.syncTimer);
      this.syncTimer = undefined;
      this.transport.clearFollowerStats();
    }
    if (leader !== undefined) {
      if (this.node) this.proposals.flush(this.node);
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
      if (typeof r === 'string') {
        // etcdserver/server.go publish: each failed attempt is logged, then tried again.
        if (!this.node) return;
        this.log.error(`publish error: ${proposeFailureError(r).cause}`);
        return this.publish();
      }
      this.log.info(`published {Name:${attrs.name} ClientURLs:[${attrs.clientURLs.join(' ')}]} to cluster ${this.clusterId}`);
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
    if (refuseUnparsableRequest(req.path, res)) return;
    if (this.m04) this.m04.routeClient04(this, req, res);
    else if (!routeKeys(this, req, res)) routeClientRequest(this, req, res);
  }

  /** Server-side view for the screen (see member-view.ts). */
  view(): MemberSnapshot {
    const role: EtcdRole = this.node ? this.role : this.modeNow === 'proxy' ? 'proxy' : 'offline';
    return memberView(this.diskRef.etcd, this.config.name, role, this.leaderId, this.node?.view(), (id) => this.hostOfMember(id) ?? id);
  }
}
