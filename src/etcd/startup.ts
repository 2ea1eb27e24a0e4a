import type { World } from '../sim/world.ts';
import { DEFAULT_DATA_DIR, listenClientURLs, listenPeerURLs, type EtcdConfig } from './config.ts';
import type { EtcdLog } from './log.ts';
import type { EtcdDisk } from './disk.ts';
import { memberId } from './identity.ts';
import { parseURLsMap, urlsMapString, urlsMapURLs, type URLsMap } from './urls-map.ts';
import { DiscoveryClient, ErrDuplicateID, ErrDuplicateName, ErrFullCluster, type DiscoveryFailure } from './discovery/client.ts';
import { getClusterFromRemotePeers, type RemoteCluster } from './remote-cluster.ts';

/** An etcd data dir: `member/` (WAL + store) or `proxy/` (the `cluster` file), never both. */
export interface EtcdDataDir {
  etcd?: EtcdDisk;
  /** The proxy dir; `peerURLs` is the `cluster` file once written. */
  proxy?: { peerURLs?: string[] };
}

/** How a new member's first cluster was decided. */
export interface NewMemberPlan {
  /** Members in bootstrap order with their peer URLs. */
  cluster: { name: string; peerURLs: string[] }[];
  token: string;
  /** Joining an existing cluster: its ID, the IDs it gave the members, and who they are. */
  existing?: RemoteCluster;
}

/** What the startup sequence needs from the etcd process it starts. */
export interface BootProcess {
  readonly world: World;
  readonly hostName: string;
  readonly config: EtcdConfig;
  readonly diskRef: EtcdDataDir;
  readonly log: EtcdLog;
  /** False once this start's process has stopped or exited. */
  alive(): boolean;
  track(undo: () => void): void;
  /** NewServer succeeded: run the member (fresh data dir when `plan` is given). */
  runMember(plan?: NewMemberPlan): void;
  runProxy(peerURLs: string[]): void;
  exit(code: number): void;
}

/** A startEtcd / NewServer error: discovery's (with the operation) or a plain one. */
type StartError = { discovery: string } | { plain: string };

export const ETCD_VERSION = '2.3.7';
/** UNSURE: the v2.3.7 tag's short SHA and the Go CoreOS built it with. */
const GIT_SHA = 'fd17c91';
const GO_VERSION = 'go1.6.2';

export const dataDirOf = (c: EtcdConfig) => c.dataDir ?? DEFAULT_DATA_DIR;

/**
 * etcdmain.startEtcdOrProxyV2 (etcd 2.3.7): what the process logs first, then member or proxy
 * from the data dir, else from the flags: a static or discovery bootstrap, a join of an
 * existing cluster, or a proxy (also the fallback when the discovery cluster is full).
 */
export function bootEtcd(p: BootProcess): void {
  const { config: c, log } = p;
  for (const [k, v] of [...(c.env ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1))) log.info(`recognized and used environment variable ${k}=${v}`);
  log.info(`etcd Version: ${ETCD_VERSION}`);
  log.info(`Git SHA: ${GIT_SHA}`);
  log.info(`Go Version: ${GO_VERSION}`);
  log.info('Go OS/Arch: linux/amd64');
  // coreos-vagrant gives each VM one CPU.
  log.info('setting maximum number of CPUs to 1, total number of available CPUs is 1');

  const dir = p.diskRef;
  if (dir.etcd) {
    log.notice('the server is already initialized as member before, starting as etcd member...');
    return startEtcd(p, (err) => err && failStart(p, err));
  }
  if (dir.proxy) {
    log.notice('the server is already initialized as proxy before, starting as etcd proxy...');
    return startProxy(p);
  }
  if (c.proxy !== 'off') return startProxy(p);
  startEtcd(p, (err) => {
    if (!err) return;
    if ('discovery' in err && err.discovery === ErrFullCluster && c.discoveryFallback === 'proxy') {
      log.notice('discovery cluster full, falling back to proxy');
      return startProxy(p);
    }
    failStart(p, err);
  });
}

/** startEtcd: listeners first, then NewServer; on an error the listeners close (defers). */
function startEtcd(p: BootProcess, done: (err?: StartError) => void): void {
  const { config: c, log } = p;
  const peers = listenPeerURLs(c);
  const clients = listenClientURLs(c);
  for (const u of peers) log.info(`listening for peers on ${u}`);
  for (const u of clients) log.info(`listening for client requests on ${u}`);
  const fail = (err: StartError) => {
    for (const u of [...clients].reverse()) log.info(`stopping listening for client requests on ${u}`);
    for (const u of [...peers].reverse()) log.info(`stopping listening for peers on ${u}`);
    done(err);
  };
  if (p.diskRef.etcd) {
    if (c.discovery) log.warning(`discovery token ignored since a cluster has already been initialized. Valid log found at "${dataDirOf(c)}/member/wal"`);
    printConfig(p, false);
    p.runMember();
    return done();
  }
  newServerFresh(p, (r) => {
    if (!p.alive()) return;
    if ('plan' in r) {
      p.runMember(r.plan);
      return done();
    }
    fail(r.err);
  });
}

/** NewServer without a WAL: the plan of the first cluster, or why there is none. */
function newServerFresh(p: BootProcess, done: (r: { plan: NewMemberPlan } | { err: StartError }) => void): void {
  const c = p.config;
  // getPeerURLsMapAndToken: with discovery, only self (and the token is the discovery URL).
  const local: URLsMap = new Map();
  if (c.discovery) local.set(c.name, [...c.peerURLs].sort());
  else for (const m of c.initialCluster) local.set(m.name, [...(local.get(m.name) ?? []), ...m.peerURLs].sort());
  const token = c.discovery ?? c.initialClusterToken;

  if (c.initialClusterState === 'existing') {
    const urls = local.get(c.name);
    if (!urls) return done({ err: { plain: `couldn't find local name "${c.name}" in the initial cluster configuration` } });
    if (c.discovery) return done({ err: { plain: 'discovery URL should not be set when joining existing initial cluster' } });
    const remote = [...local].filter(([n]) => n !== c.name).flatMap(([, u]) => u).sort();
    return getClusterFromRemotePeers(p.world, p.hostName, remote, p.log, (a) => p.track(a), (r) => {
      if (!p.alive()) return;
      if ('error' in r) return done({ err: { plain: `cannot fetch cluster info from peer urls: ${r.error}` } });
      const invalid = validateJoin(local, r);
      if (invalid) return done({ err: { plain: `error validating peerURLs ${clusterString(r)}: ${invalid}` } });
      printConfig(p, true);
      done({ plan: { cluster: toList(local), token, existing: r } });
    });
  }

  const verify = verifyLocalMember(c, local, !c.discovery);
  if (verify) return done({ err: { plain: verify } });
  if (!c.discovery) {
    printConfig(p, true);
    return done({ plan: { cluster: toList(local), token } });
  }
  const id = memberId(c.peerURLs, token);
  const client = new DiscoveryClient({ world: p.world, from: p.hostName, log: p.log, alive: () => p.alive(), track: (a) => p.track(a) }, c.discovery, id);
  void client.join(urlsMapString(local)).then((r: string | DiscoveryFailure) => {
    if (!p.alive()) return;
    if (typeof r !== 'string') return done({ err: { discovery: r.failure } });
    const m = parseURLsMap(r);
    if ('error' in m) return done({ err: { plain: m.error } });
    printConfig(p, true);
    // The registrations' order (createdIndex) is the bootstrap order.
    done({ plan: { cluster: toList(m), token } });
  });
}

const toList = (m: URLsMap) => [...m].map(([name, peerURLs]) => ({ name, peerURLs }));

/** ServerConfig.verifyLocalMember. */
function verifyLocalMember(c: EtcdConfig, local: URLsMap, strict: boolean): string | undefined {
  const urls = local.get(c.name);
  if (!urls) return `couldn't find local name "${c.name}" in the initial cluster configuration`;
  const ap = [...c.peerURLs].sort();
  if (strict && ap.join(',') !== urls.join(',')) {
    return `--initial-cluster must include ${c.peerURLs.map((u) => `${c.name}=${u}`).sort().join(',')} given --initial-advertise-peer-urls=${ap.join(',')}`;
  }
  return undefined;
}

/** ValidateClusterAndAssignIDs: same member count, same peer URLs (IDs come from the cluster). */
function validateJoin(local: URLsMap, existing: RemoteCluster): string | undefined {
  if (existing.members.length !== local.size) return 'member count is unequal';
  const key = (urls: string[]) => [...urls].sort().join(',');
  const ems = existing.members.map((m) => key(m.peerURLs)).sort();
  const lms = [...local.values()].map(key).sort();
  for (let i = 0; i < ems.length; i++) if (ems[i] !== lms[i]) return 'unmatched member while checking PeerURLs';
  return undefined;
}

/** cluster.String(): `{ClusterID:... Members:[&{ID:... RaftAttributes:{...} Attributes:{...}} ...] RemovedMemberIDs:[]}`. */
function clusterString(r: RemoteCluster): string {
  const ms = r.members.map(
    (m) => `&{ID:${m.id} RaftAttributes:{PeerURLs:[${m.peerURLs.join(' ')}]} Attributes:{Name:${m.name} ClientURLs:[${m.clientURLs.join(' ')}]}}`,
  );
  return `{ClusterID:${r.clusterId} Members:[${ms.join(' ')}] RemovedMemberIDs:[]}`;
}

/** ServerConfig.print. */
function printConfig(p: BootProcess, initial: boolean): void {
  const { config: c, log } = p;
  const dir = dataDirOf(c);
  log.info(`name = ${c.name}`);
  log.info(`data dir = ${dir}`);
  log.info(`member dir = ${dir}/member`);
  log.info(`heartbeat = ${c.heartbeatMs}ms`);
  log.info(`election = ${c.electionMs}ms`);
  log.info('snapshot count = 10000');
  if (c.discovery) log.info(`discovery URL= ${c.discovery}`);
  log.info(`advertise client URLs = ${c.clientURLs.join(',')}`);
  if (initial) {
    log.info(`initial advertise peer URLs = ${c.peerURLs.join(',')}`);
    const local: URLsMap = new Map();
    if (c.discovery) local.set(c.name, c.peerURLs);
    else for (const m of c.initialCluster) local.set(m.name, m.peerURLs);
    log.info(`initial cluster = ${urlsMapString(local)}`);
  }
}

/** etcdmain's error handling after a failed start; the process exits 1. */
function failStart(p: BootProcess, err: StartError): void {
  const { config: c, log } = p;
  if ('discovery' in err) {
    switch (err.discovery) {
      case ErrDuplicateID:
        log.error(`member "${c.name}" has previously registered with discovery service token (${c.discovery}).`);
        log.error(`But etcd could not find valid cluster configuration in the given data dir (${dataDirOf(c)}).`);
        log.info('Please check the given data dir path if the previous bootstrap succeeded');
        log.info('or use a new discovery token if the previous bootstrap failed.');
        break;
      case ErrDuplicateName:
        log.error(`member with duplicated name has registered with discovery service token(${c.discovery}).`);
        log.error('please check (cURL) the discovery token for more information.');
        log.error('please do not reuse the discovery token and generate a new one to bootstrap the cluster.');
        break;
      default:
        log.error(`failed to join discovery cluster (${err.discovery})`);
        log.info(`discovery token ${c.discovery} was used, but failed to bootstrap the cluster.`);
        log.info('please generate a new discovery token and try to bootstrap again.');
    }
    return p.exit(1);
  }
  if (err.plain.includes('include') && err.plain.includes('--initial-cluster')) {
    log.info(err.plain);
    return p.exit(1);
  }
  log.fatal(err.plain);
  p.exit(1);
}

/** etcdmain.startProxy. */
function startProxy(p: BootProcess): void {
  const { config: c, log } = p;
  const clusterFile = `${dataDirOf(c)}/proxy/cluster`;
  const saved = p.diskRef.proxy?.peerURLs;
  p.diskRef.proxy ??= {};
  if (saved) {
    if (c.discovery) log.warning(`discovery token ignored since the proxy has already been initialized. Valid cluster file found at "${clusterFile}"`);
    log.info(`proxy: using peer urls [${saved.join(' ')}] from cluster file "${clusterFile}"`);
    return p.runProxy(saved);
  }
  const local: URLsMap = new Map();
  for (const m of c.initialCluster) local.set(m.name, m.peerURLs);
  if (!c.discovery) {
    const urls = urlsMapURLs(local);
    log.info(`proxy: using peer urls [${urls.join(' ')}] `);
    return p.runProxy(urls);
  }
  const client = new DiscoveryClient({ world: p.world, from: p.hostName, log, alive: () => p.alive(), track: (a) => p.track(a) }, c.discovery, '0');
  void client.get().then((r) => {
    if (!p.alive()) return;
    if (typeof r !== 'string') {
      log.fatal(r.failure);
      return p.exit(1);
    }
    const m = parseURLsMap(r);
    if ('error' in m) {
      log.fatal(m.error);
      return p.exit(1);
    }
    const urls = urlsMapURLs(m);
    log.info(`proxy: using peer urls [${urls.join(' ')}] `);
    p.runProxy(urls);
  });
}
