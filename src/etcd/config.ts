/** How an etcd2 member is configured (flags / `coreos.etcd2` in cloud-config). */
export interface EtcdConfig {
  name: string;
  /** initial-advertise-peer-urls */
  peerURLs: string[];
  /** advertise-client-urls */
  clientURLs: string[];
  /** Ports of listen-client-urls (2379, 4001) and listen-peer-urls (2380, 7001). */
  clientPorts: number[];
  peerPorts: number[];
  /** May be empty when `discovery` is set. */
  initialCluster: { name: string; peerURLs: string[] }[];
  initialClusterState: 'new' | 'existing';
  initialClusterToken: string;
  heartbeatMs: number;
  electionMs: number;
  /** Discovery URL, e.g. https://discovery.etcd.io/<32 hex>; the cluster token becomes this URL. */
  discovery?: string;
  /** What a member does when the discovery cluster is already full. */
  discoveryFallback: 'proxy' | 'exit';
  proxy: 'off' | 'on' | 'readonly';
  /** 'etcd' = etcd 0.4 (coreos.etcd section, ports 4001/7001). */
  flavor: 'etcd2' | 'etcd';
  /** etcd 0.4's `-peers`: host:port of machines to join through. */
  peers?: string[];
  /** listen-client-urls as written (log lines); default `http://0.0.0.0:<port>` per client port. */
  listenClientURLs?: string[];
  /** listen-peer-urls as written; default `http://<advertised peer host>:<port>` per peer port. */
  listenPeerURLs?: string[];
  /** data-dir; default /var/lib/etcd2 (the CoreOS unit's ETCD_DATA_DIR). */
  dataDir?: string;
  /** The ETCD_* variables the process got, for its "recognized and used environment variable" lines. */
  env?: [string, string][];
}

export const DEFAULT_CLUSTER_TOKEN = 'etcd-cluster';
export const DEFAULT_DATA_DIR = '/var/lib/etcd2';

/** coreos-vagrant's etcd2 settings for a machine at `ip` with static bootstrap. */
export function vagrantEtcdConfig(name: string, ip: string, cluster: { name: string; ip: string }[]): EtcdConfig {
  return {
    name,
    peerURLs: [`http://${ip}:2380`],
    clientURLs: [`http://${ip}:2379`],
    clientPorts: [2379, 4001],
    peerPorts: [2380, 7001],
    initialCluster: cluster.map((m) => ({ name: m.name, peerURLs: [`http://${m.ip}:2380`] })),
    initialClusterState: 'new',
    initialClusterToken: DEFAULT_CLUSTER_TOKEN,
    heartbeatMs: 100,
    electionMs: 1000,
    discoveryFallback: 'proxy',
    proxy: 'off',
    flavor: 'etcd2',
  };
}

/** coreos-vagrant's etcd2 settings for a machine at `ip` bootstrapping through a discovery URL. */
export function vagrantDiscoveryConfig(name: string, ip: string, discovery: string): EtcdConfig {
  return { ...vagrantEtcdConfig(name, ip, []), discovery };
}

/** Host part of a URL such as `http://172.17.8.101:2380`. */
export function urlHost(url: string): { host: string; port: number } {
  const m = /^[a-z]+:\/\/([^/:]+)(?::(\d+))?/.exec(url);
  return { host: m?.[1] ?? '', port: m?.[2] ? Number(m[2]) : url.startsWith('https') ? 443 : 80 };
}

export function listenClientURLs(c: EtcdConfig): string[] {
  return c.listenClientURLs ?? c.clientPorts.map((p) => `http://0.0.0.0:${p}`);
}

export function listenPeerURLs(c: EtcdConfig): string[] {
  const host = urlHost(c.peerURLs[0] ?? '').host || '0.0.0.0';
  return c.listenPeerURLs ?? c.peerPorts.map((p) => `http://${host}:${p}`);
}
