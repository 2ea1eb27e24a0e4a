import type { CatalogEntry } from './types.ts';

/**
 * The eight lessons of the CoreOS series (LESSONS.md), in order. The index lists them without
 * loading any lesson; a lesson's own front matter must agree (the content lint checks).
 */
export const CATALOG: readonly CatalogEntry[] = [
  { slug: '01-platform-introduction', number: 1, title: 'Platform introduction and components', summary: 'Three CoreOS machines and what each component does: etcd, docker, fleet, updates.', available: false },
  { slug: '02-cluster-setup', number: 2, title: 'How to set up a cluster', summary: 'A discovery token, a cloud-config, three machines booted from it, and a fourth that joins as a proxy.', available: true },
  { slug: '03-etcd-discovery', number: 3, title: 'etcd vs. etcd2, configuration and cluster discovery', summary: 'Ports, flags and cloud-config; the discovery registry; Raft terms, leaders and quorum.', available: true },
  { slug: '04-etcd-read-write', number: 4, title: 'Read and write values to etcd', summary: 'Keys and directories with etcdctl and curl, indexes, TTLs, watches and compare-and-swap.', available: true },
  { slug: '05-fleet-services', number: 5, title: 'fleet and how to manage services', summary: 'Submit, load and start a unit with fleetctl; watch fleet move it when its machine dies.', available: false },
  { slug: '06-nodejs-app', number: 6, title: 'Run your Node.js app on the cluster', summary: 'A container by hand, then a proper unit file started with fleet.', available: false },
  { slug: '07-app-instances', number: 7, title: 'Run several instances of the app', summary: 'Template units, Conflicts=, and a sidekick announcing each instance in etcd.', available: false },
  { slug: '08-rethinkdb-cluster', number: 8, title: 'Run a RethinkDB cluster', summary: 'Discovery sidekicks and a database cluster that heals as fleet moves it.', available: false },
];

export function catalogEntry(slug: string): CatalogEntry | undefined {
  return CATALOG.find((e) => e.slug === slug);
}
