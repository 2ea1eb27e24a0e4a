/** Discovery bootstrap of etcd2 (reference G, B.8): the cases of section G. */
import { describe, it, expect } from 'vitest';
import { BootWorld } from '../boot-harness.ts';
import { memberId, clusterId } from '../../../src/etcd/identity.ts';

const names3 = ['core-01', 'core-02', 'core-03'];

describe('discovery with size 3 and three machines', () => {
  it('forms a cluster whose IDs are sha1(peerURL + discovery URL), registered under the token', async () => {
    const w = new BootWorld(11);
    const durl = w.discovery.newToken(3);
    for (let i = 1; i <= 3; i++) w.add(i, durl);
    expect(await w.until(() => w.settled(names3))).toBe(true);
    const ids = [1, 2, 3].map((i) => memberId([`http://172.17.8.10${i}:2380`], durl));
    expect(w.m('core-01').etcd.id).toBe(ids[0]);
    expect(w.m('core-02').etcd.clusterId).toBe(clusterId(ids));
    // A fresh cluster of N members sits at etcd index 2N+1 (A.4).
    expect(w.m('core-01').etcd.store.index()).toBe(7);
    const list = await w.exec('core-01', 'etcdctl member list');
    expect(list.stdout.trim().split('\n')).toHaveLength(3);
    expect(list.stdout).toContain(`${ids[1]}: name=core-02 peerURLs=http://172.17.8.102:2380 clientURLs=http://172.17.8.102:2379 isLeader=`);

    const view = w.discovery.views()[0]!;
    expect(view.size).toBe(3);
    expect(view.registered.map((r) => r.name).sort()).toEqual(names3);
    expect(view.registered.find((r) => r.name === 'core-01')).toEqual({ id: ids[0], name: 'core-01', peerURLs: 'http://172.17.8.101:2380' });

    const log = w.log('core-01');
    expect(log).toContain('etcd Version: 2.3.7');
    expect(log).toContain(`discovery URL= ${durl}`);
    expect(log).toContain('found 3 needed peer(s)');
    expect(log.some((l) => /^found self [0-9a-f]+ in the cluster$/.test(l) || l === `found peer ${ids[0]} in the cluster`)).toBe(true);
    expect(log).toContain(`published {Name:core-01 ClientURLs:[http://172.17.8.101:2379]} to cluster ${clusterId(ids)}`);
    expect(log.some((l) => /^raft\.node: [0-9a-f]+ elected leader [0-9a-f]+ at term \d+$/.test(l))).toBe(true);
  });

  it('a member waits, logging how many it still needs, until the others register', async () => {
    const w = new BootWorld(12);
    const durl = w.discovery.newToken(3);
    w.add(1, durl);
    await w.advance(15_000);
    expect(w.m('core-01').etcd.mode()).toBe('starting');
    expect(w.log('core-01')).toContain('found 1 peer(s), waiting for 2 more');
    w.add(2, durl);
    w.add(3, durl);
    expect(await w.until(() => w.settled(names3))).toBe(true);
    expect(w.log('core-01')).toContain('found 3 needed peer(s)');
  });
});

describe('a fourth machine on a size-3 token', () => {
  it('falls back to proxy; etcdctl set/get and member list work through it', async () => {
    const w = new BootWorld(13);
    const durl = w.discovery.newToken(3);
    for (let i = 1; i <= 3; i++) w.add(i, durl);
    expect(await w.until(() => w.settled(names3))).toBe(true);
    w.add(4, durl);
    expect(await w.until(() => w.m('core-04').etcd.mode() === 'proxy' && w.m('core-04').etcd.proxyEndpoints().length === 3)).toBe(true);
    const log = w.log('core-04');
    expect(log).toContain('discovery cluster full, falling back to proxy');
    expect(log).toContain('proxy: using peer urls [http://172.17.8.101:2380 http://172.17.8.102:2380 http://172.17.8.103:2380] ');
    expect(log).toContain('proxy: listening for client requests on http://0.0.0.0:2379');
    expect(w.m('core-04').disk.etcd).toBeUndefined();
    expect(w.m('core-04').disk.proxy?.peerURLs).toHaveLength(3);
    expect(w.m('core-04').etcd.view().role).toBe('proxy');
    // Not registered: the registry still holds three.
    expect(w.discovery.views()[0]!.registered).toHaveLength(3);

    expect((await w.exec('core-04', 'etcdctl set /via proxy')).stdout).toBe('proxy\n');
    expect((await w.exec('core-04', 'etcdctl get /via')).stdout).toBe('proxy\n');
    const list = await w.exec('core-04', 'etcdctl member list');
    expect(list.stdout.trim().split('\n').map((l) => /name=(core-0\d)/.exec(l)?.[1]).sort()).toEqual(names3);
    const curl = await w.exec('core-04', 'curl -s http://127.0.0.1:2379/v2/keys/via');
    expect(curl.stdout).toMatch(/^\{"action":"get","node":\{"key":"\/via","value":"proxy","modifiedIndex":8,"createdIndex":8\}\}\n$/);

    // A reboot: the data dir says proxy; the discovery URL is not asked again.
    w.m('core-04').host.reboot();
    expect(await w.until(() => w.m('core-04').host.isRunning() && w.m('core-04').etcd.proxyEndpoints().length === 3)).toBe(true);
    const after = w.log('core-04');
    expect(after).toContain('the server is already initialized as proxy before, starting as etcd proxy...');
    expect(after).toContain(`discovery token ignored since the proxy has already been initialized. Valid cluster file found at "/var/lib/etcd2/proxy/cluster"`);
  });

  it('with discovery-fallback exit, it exits: cluster is full', async () => {
    const w = new BootWorld(14);
    const durl = w.discovery.newToken(3);
    for (let i = 1; i <= 3; i++) w.add(i, durl);
    expect(await w.until(() => w.settled(names3))).toBe(true);
    const m4 = w.add(4, { ...(await import('../../../src/etcd/config.ts')).vagrantDiscoveryConfig('core-04', '172.17.8.104', durl), discoveryFallback: 'exit' });
    expect(await w.until(() => m4.etcd.exitCode !== undefined)).toBe(true);
    expect(m4.etcd.exitCode).toBe(1);
    expect(m4.etcd.mode()).toBe('none');
    const log = w.log('core-04');
    expect(log).toContain('failed to join discovery cluster (discovery: cluster is full)');
    expect(log).toContain(`discovery token ${durl} was used, but failed to bootstrap the cluster.`);
    expect(log.indexOf('stopping listening for client requests on http://0.0.0.0:4001')).toBeLessThan(log.indexOf('stopping listening for peers on http://172.17.8.104:7001'));
  });
});

describe('discovery errors', () => {
  it('two machines with the same name: found duplicate name', async () => {
    const w = new BootWorld(15);
    const durl = w.discovery.newToken(2);
    const { vagrantDiscoveryConfig } = await import('../../../src/etcd/config.ts');
    w.add(1, vagrantDiscoveryConfig('same', '172.17.8.101', durl));
    w.add(2, vagrantDiscoveryConfig('same', '172.17.8.102', durl));
    expect(await w.until(() => w.m('core-01').etcd.exitCode !== undefined && w.m('core-02').etcd.exitCode !== undefined)).toBe(true);
    expect(w.log('core-01')).toContain(`member with duplicated name has registered with discovery service token(${durl}).`);
    expect(w.log('core-02')).toContain('please do not reuse the discovery token and generate a new one to bootstrap the cluster.');
  });

  it('a token without a size: size key not found', async () => {
    const w = new BootWorld(16);
    const token = 'a'.repeat(32);
    w.add(1, `https://discovery.etcd.io/${token}`);
    expect(await w.until(() => w.m('core-01').etcd.exitCode !== undefined)).toBe(true);
    expect(w.log('core-01')).toContain('failed to join discovery cluster (discovery: size key not found)');
  });

  it('a reused token (same machines, data dirs lost): previously registered, exit 1', async () => {
    const w = new BootWorld(17);
    const durl = w.discovery.newToken(3);
    for (let i = 1; i <= 3; i++) w.add(i, durl);
    expect(await w.until(() => w.settled(names3))).toBe(true);
    const m1 = w.m('core-01');
    m1.host.kill();
    delete m1.disk.etcd;
    m1.host.boot();
    expect(await w.until(() => m1.etcd.exitCode !== undefined)).toBe(true);
    const log = w.log('core-01');
    expect(log).toContain(`member "core-01" has previously registered with discovery service token (${durl}).`);
    expect(log).toContain('But etcd could not find valid cluster configuration in the given data dir (/var/lib/etcd2).');
    expect(log).toContain('Please check the given data dir path if the previous bootstrap succeeded');
    expect(log).toContain('or use a new discovery token if the previous bootstrap failed.');
  });

  it('a restart with a data dir ignores the discovery URL', async () => {
    const w = new BootWorld(18);
    const durl = w.discovery.newToken(3);
    for (let i = 1; i <= 3; i++) w.add(i, durl);
    expect(await w.until(() => w.settled(names3))).toBe(true);
    w.m('core-02').host.reboot();
    expect(await w.until(() => w.m('core-02').host.isRunning() && w.m('core-02').etcd.leader() !== undefined)).toBe(true);
    const log = w.log('core-02');
    expect(log).toContain('the server is already initialized as member before, starting as etcd member...');
    expect(log).toContain('discovery token ignored since a cluster has already been initialized. Valid log found at "/var/lib/etcd2/member/wal"');
    expect(log.some((l) => /^restarting member [0-9a-f]+ in cluster [0-9a-f]+ at commit index \d+$/.test(l))).toBe(true);
  });

  it('an unreachable service is retried with doubling waits, then the cluster forms', async () => {
    const w = new BootWorld(19);
    const durl = w.discovery.newToken(3);
    w.discovery.setReachable(false);
    for (let i = 1; i <= 3; i++) w.add(i, durl);
    await w.advance(20_000);
    const log = w.log('core-01');
    expect(log).toContain('error #0: dial tcp: lookup discovery.etcd.io on 10.0.2.3:53: no such host');
    expect(log).toContain('cluster status check: error connecting to https://discovery.etcd.io, retrying in 2s');
    expect(log).toContain('cluster status check: error connecting to https://discovery.etcd.io, retrying in 4s');
    expect(log).toContain('cluster status check: error connecting to https://discovery.etcd.io, retrying in 8s');
    w.discovery.setReachable(true);
    expect(await w.until(() => w.settled(names3), 120_000)).toBe(true);
  });
});
