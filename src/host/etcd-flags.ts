import { DEFAULT_CLUSTER_TOKEN, urlHost, type EtcdConfig } from '../etcd/config.ts';
import { parseURLsMap } from '../etcd/urls-map.ts';

/**
 * An etcd process's configuration from the environment its unit gives it (etcd reads `ETCD_*`
 * for every flag, flags.SetFlagsFromEnv), with etcd 2.3.7's defaults (etcdmain/config.go) or
 * etcd 0.4's for `etcd.service`. What CoreOS's units set themselves (ETCD_NAME=%m, the data dir)
 * arrives through the same environment.
 */

export type EtcdFlavor = EtcdConfig['flavor'];

const DEFAULT_NAME = 'default';

function list(v: string): string[] {
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

function ports(urls: string[]): number[] {
  return [...new Set(urls.map((u) => urlHost(u).port))];
}

function int(env: Map<string, string>, key: string, def: number): number | { error: string } {
  const v = env.get(key);
  if (v === undefined || v === '') return def;
  if (!/^-?\d+$/.test(v)) return { error: `invalid value "${v}" for ${key}: strconv.ParseUint: parsing "${v}": invalid syntax` };
  return Number(v);
}

/**
 * etcd 2.3.7: returns the config, or the message etcd dies with (its journal line, as etcd
 * logs it under systemd).
 */
export function etcd2Config(env: Map<string, string>): EtcdConfig | { error: string } {
  const get = (k: string) => env.get(`ETCD_${k}`);
  const name = get('NAME') || DEFAULT_NAME;
  const apurls = list(get('INITIAL_ADVERTISE_PEER_URLS') ?? 'http://localhost:2380,http://localhost:7001');
  const lpurls = list(get('LISTEN_PEER_URLS') ?? 'http://localhost:2380,http://localhost:7001');
  const lcurls = list(get('LISTEN_CLIENT_URLS') ?? 'http://localhost:2379,http://localhost:4001');
  const acurls = list(get('ADVERTISE_CLIENT_URLS') ?? 'http://localhost:2379,http://localhost:4001');
  const discovery = get('DISCOVERY') || undefined;
  const proxy = get('PROXY') || 'off';
  if (proxy !== 'off' && proxy !== 'on' && proxy !== 'readonly') {
    return { error: `invalid value "${proxy}" for ETCD_PROXY: invalid value "${proxy}" for flag -proxy: valid values are [off on readonly]` };
  }
  const fallback = get('DISCOVERY_FALLBACK') || 'proxy';
  if (fallback !== 'proxy' && fallback !== 'exit') {
    return { error: `invalid value "${fallback}" for ETCD_DISCOVERY_FALLBACK: invalid value "${fallback}" for flag -discovery-fallback: valid values are [exit proxy]` };
  }
  const state = get('INITIAL_CLUSTER_STATE') || 'new';
  if (state !== 'new' && state !== 'existing') {
    return { error: `invalid value "${state}" for ETCD_INITIAL_CLUSTER_STATE: invalid value "${state}" for flag -initial-cluster-state: valid values are [existing new]` };
  }
  const explicitCluster = get('INITIAL_CLUSTER');
  if (discovery && explicitCluster) {
    return { error: `error verifying flags, multiple discovery or bootstrap flags are set. Choose one of "initial-cluster", "discovery" or "discovery-srv". See 'etcd --help'.` };
  }
  const mayBeProxy = proxy !== 'off' || (discovery !== undefined && fallback === 'proxy');
  if (!mayBeProxy && get('LISTEN_CLIENT_URLS') !== undefined && get('ADVERTISE_CLIENT_URLS') === undefined) {
    return { error: `error verifying flags, --advertise-client-urls is required when --listen-client-urls is set explicitly. See 'etcd --help'.` };
  }
  const heartbeatMs = int(env, 'ETCD_HEARTBEAT_INTERVAL', 100);
  if (typeof heartbeatMs !== 'number') return heartbeatMs;
  const electionMs = int(env, 'ETCD_ELECTION_TIMEOUT', 1000);
  if (typeof electionMs !== 'number') return electionMs;

  let initialCluster: EtcdConfig['initialCluster'] = [];
  if (!discovery) {
    // Without --initial-cluster, etcd builds one from its name and advertised peer URLs.
    const text = explicitCluster ?? apurls.map((u) => `${name}=${u}`).join(',');
    const parsed = parseURLsMap(text);
    if ('error' in parsed) return { error: parsed.error };
    initialCluster = [...parsed].map(([n, urls]) => ({ name: n, peerURLs: urls }));
    if (proxy === 'off' && state === 'new' && !parsed.has(name)) {
      return { error: `couldn't find local name "${name}" in the initial cluster configuration` };
    }
  }
  return {
    name,
    peerURLs: apurls,
    clientURLs: acurls,
    clientPorts: ports(lcurls),
    peerPorts: ports(lpurls),
    initialCluster,
    initialClusterState: state,
    initialClusterToken: get('INITIAL_CLUSTER_TOKEN') || DEFAULT_CLUSTER_TOKEN,
    heartbeatMs,
    electionMs,
    discovery,
    discoveryFallback: fallback,
    proxy,
    flavor: 'etcd2',
    listenClientURLs: lcurls,
    listenPeerURLs: lpurls,
    dataDir: get('DATA_DIR') || `${name}.etcd`,
    env: [...env].filter(([k]) => k.startsWith('ETCD_')),
  };
}

/**
 * etcd 0.4 (`etcd.service`, `coreos.etcd`): `addr` and `peer_addr` are host:port, default
 * 127.0.0.1:4001 and :7001; `peers` is a comma-separated host:port list (src/etcd/v04/startup.ts joins through it).
 */
export function etcd04Config(env: Map<string, string>): EtcdConfig | { error: string } {
  const get = (k: string) => env.get(`ETCD_${k}`);
  const name = get('NAME') || DEFAULT_NAME;
  const addr = get('ADDR') || '127.0.0.1:4001';
  const peerAddr = get('PEER_ADDR') || '127.0.0.1:7001';
  const url = (a: string) => (a.includes('://') ? a : `http://${a}`);
  const heartbeatMs = int(env, 'ETCD_PEER_HEARTBEAT_INTERVAL', 50);
  if (typeof heartbeatMs !== 'number') return heartbeatMs;
  const electionMs = int(env, 'ETCD_PEER_ELECTION_TIMEOUT', 200);
  if (typeof electionMs !== 'number') return electionMs;
  const peerURLs = [url(peerAddr)];
  return {
    name,
    peerURLs,
    clientURLs: [url(addr)],
    clientPorts: ports([url(addr)]),
    peerPorts: ports(peerURLs),
    initialCluster: [{ name, peerURLs }],
    initialClusterState: 'new',
    initialClusterToken: DEFAULT_CLUSTER_TOKEN,
    heartbeatMs,
    electionMs,
    discovery: get('DISCOVERY') || undefined,
    discoveryFallback: 'proxy',
    proxy: 'off',
    flavor: 'etcd',
    peers: list(get('PEERS') ?? ''),
    dataDir: get('DATA_DIR') || `${name}.etcd`,
    env: [...env].filter(([k]) => k.startsWith('ETCD_')),
  };
}
