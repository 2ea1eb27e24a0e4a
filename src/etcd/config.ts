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
  initialCluster: { name: string; peerURLs: string[] }[];
  initialClusterState: 'new' | 'existing';
  initialClusterToken: string;
  heartbeatMs: number;
  electionMs: number;
}

export const DEFAULT_CLUSTER_TOKEN = 'etcd-cluster';

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
  };
}

/** Host part of a URL such as `http://172.17.8.101:2380`. */
export function urlHost(url: string): { host: string; port: number } {
  const m = /^[a-z]+:\/\/([^/:]+)(?::(\d+))?/.exec(url);
  return { host: m?.[1] ?? '', port: m?.[2] ? Number(m[2]) : url.startsWith('https') ? 443 : 80 };
}
