/** etcdctl member add, then a member started with initial-cluster-state existing (reference B.7, G). */
import { describe, it, expect } from 'vitest';
import { BootWorld, ipOf, nameOf } from './boot-harness.ts';
import { vagrantEtcdConfig, type EtcdConfig } from '../../src/etcd/config.ts';

const three = [1, 2, 3].map((i) => ({ name: nameOf(i), ip: ipOf(i) }));
const staticConfig = (i: number): EtcdConfig => vagrantEtcdConfig(nameOf(i), ipOf(i), three);

async function cluster3(seed: number): Promise<BootWorld> {
  const w = new BootWorld(seed);
  for (let i = 1; i <= 3; i++) w.add(i, staticConfig(i));
  expect(await w.until(() => w.settled(three.map((m) => m.name)))).toBe(true);
  return w;
}

describe('joining an existing cluster', () => {
  it('member add, then start with state existing: takes the assigned ID and catches up from index 1', async () => {
    const w = await cluster3(21);
    expect((await w.exec('core-01', 'etcdctl set /before 1')).stdout).toBe('1\n');
    const add = await w.exec('core-01', 'etcdctl member add core-04 http://172.17.8.104:2380');
    const id = /with ID ([0-9a-f]+) to cluster/.exec(add.stdout)![1]!;
    expect(add.stdout).toContain('ETCD_INITIAL_CLUSTER_STATE="existing"');
    const initial = /ETCD_INITIAL_CLUSTER="([^"]+)"/.exec(add.stdout)![1]!;
    const cfg: EtcdConfig = {
      ...vagrantEtcdConfig('core-04', ipOf(4), []),
      initialCluster: initial.split(',').map((p) => ({ name: p.split('=')[0]!, peerURLs: [p.slice(p.indexOf('=') + 1)] })),
      initialClusterState: 'existing',
    };
    const m4 = w.add(4, cfg);
    expect(await w.until(() => m4.etcd.isRunning() && m4.etcd.store.index() === w.m(w.leader()!).etcd.store.index() && m4.etcd.membership.members.get(id)?.name === 'core-04')).toBe(true);
    expect(m4.etcd.id).toBe(id);
    expect(m4.etcd.clusterId).toBe(w.m('core-01').etcd.clusterId);
    // The whole log came from the leader: its first entries are the bootstrap's conf changes.
    const log = m4.disk.etcd!.raft.log;
    expect(log[1]).toMatchObject({ index: 1, type: 'confChange' });
    expect(log.length).toBe(w.m(w.leader()!).disk.etcd!.raft.log.length);
    expect((await w.exec('core-04', 'etcdctl get /before')).stdout).toBe('1\n');
    const list = await w.exec('core-04', 'etcdctl member list');
    expect(list.stdout).toContain(`${id}: name=core-04 peerURLs=http://172.17.8.104:2380 clientURLs=http://172.17.8.104:2379`);
    expect(list.stdout.trim().split('\n')).toHaveLength(4);
    expect(w.log('core-04')).toContain(`starting member ${id} in cluster ${m4.etcd.clusterId}`);
    // The new member votes: writes still commit with one of the old members down.
    w.m('core-02').host.kill();
    expect((await w.exec('core-04', 'etcdctl set /after 2')).stdout).toBe('2\n');
  });

  it('without member add first: member count is unequal, exit 1', async () => {
    const w = await cluster3(22);
    const cfg: EtcdConfig = {
      ...vagrantEtcdConfig('core-04', ipOf(4), [...three, { name: 'core-04', ip: ipOf(4) }]),
      initialClusterState: 'existing',
    };
    const m4 = w.add(4, cfg);
    expect(await w.until(() => m4.etcd.exitCode !== undefined)).toBe(true);
    const last = w.log('core-04').at(-1)!;
    expect(last).toMatch(/^error validating peerURLs \{ClusterID:[0-9a-f]+ Members:\[&\{ID:[0-9a-f]+ RaftAttributes:\{PeerURLs:\[http:\/\/172\.17\.8\.10\d:2380\]\} Attributes:\{Name:core-0\d ClientURLs:\[http:\/\/172\.17\.8\.10\d:2379\]\}\}.* RemovedMemberIDs:\[\]\}: member count is unequal$/);
  });

  it('a name missing from initial-cluster: couldn\'t find local name', async () => {
    const w = await cluster3(23);
    const cfg: EtcdConfig = { ...vagrantEtcdConfig('core-04', ipOf(4), three), initialClusterState: 'existing' };
    const m4 = w.add(4, cfg);
    expect(await w.until(() => m4.etcd.exitCode !== undefined)).toBe(true);
    expect(w.log('core-04')).toContain('couldn\'t find local name "core-04" in the initial cluster configuration');
  });

  it('a removed member logs its removal and stops', async () => {
    const w = await cluster3(24);
    const id3 = w.m('core-03').etcd.id;
    expect((await w.exec('core-01', `etcdctl member remove ${id3}`)).stdout).toBe(`Removed member ${id3} from cluster\n`);
    expect(await w.until(() => !w.m('core-03').etcd.isRunning())).toBe(true);
    const log = w.log('core-03');
    expect(log).toContain('the member has been permanently removed from the cluster');
    expect(log).toContain('the data-dir used by this member must be removed.');
    expect(w.log('core-01')).toContain(`removed member ${id3} from cluster ${w.m('core-01').etcd.clusterId}`);
  });
});
