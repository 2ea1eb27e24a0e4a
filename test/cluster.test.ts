/** Machines boot from cloud-config: discovery and static bootstrap, adding, destroying, recreating. */
import { describe, it, expect } from 'vitest';
import { createCluster, HeadlessCluster } from '../src/headless.ts';
import { staticClusterUserData } from '../src/cluster.ts';
import type { WorldInput } from '../src/sim/trace.ts';

const hex32 = /^[0-9a-f]{32}$/;

async function sim(opts: { machines?: number; seed?: number; userData?: string } = {}) {
  return (await createCluster(opts)) as HeadlessCluster;
}

describe('a coreos-vagrant cluster booting from its cloud-config', () => {
  it("default user-data: coreos-vagrant's sample with a fresh discovery URL of size 3; members named by machine ID", async () => {
    const c = await sim({ seed: 21 });
    const ud = c.readFile('core-01', '/var/lib/coreos-vagrant/vagrantfile-user-data')!;
    expect(c.readFile('core-01', '/home/core/user-data')).toBe(ud);
    const url = /^ {4}discovery: (https:\/\/discovery\.etcd\.io\/[0-9a-f]{32})$/m.exec(ud)![1]!;
    expect(ud).toContain('listen-peer-urls: http://$private_ipv4:2380,http://$private_ipv4:7001');
    expect(c.leader()).toMatch(/^core-0[123]$/);
    const [reg] = c.sim.discovery();
    expect(reg!.url).toBe(url);
    expect(reg!.size).toBe(3);
    expect(reg!.registered).toHaveLength(3);
    const list = (await c.exec('core-02', 'etcdctl member list')).stdout.trim().split('\n');
    expect(list).toHaveLength(3);
    const machineId = c.readFile('core-02', '/etc/machine-id')!.trim();
    expect(machineId).toMatch(hex32);
    expect(list.some((l) => l.includes(`name=${machineId} peerURLs=http://172.17.8.102:2380 clientURLs=http://172.17.8.102:2379`))).toBe(true);
    const snap = c.sim.snapshot();
    expect(snap.machines.map((m) => m.etcdMode)).toEqual(['member', 'member', 'member']);
    expect(snap.discovery).toEqual(c.sim.discovery());
    // Writes replicate.
    expect((await c.exec('core-01', 'etcdctl set /hello world')).exitCode).toBe(0);
    await c.advance(300);
    expect((await c.exec('core-03', 'etcdctl get /hello')).stdout).toBe('world\n');
  });

  it('static user-data (initial-cluster, name %H): members core-01..03 with the static IDs, index 7', async () => {
    const c = await sim({ seed: 22, userData: staticClusterUserData(3) });
    const r = await c.exec('core-01', 'etcdctl member list');
    expect(r.stdout).toContain('name=core-01 peerURLs=http://172.17.8.101:2380');
    expect(c.sim.discovery()[0]?.registered ?? []).toEqual([]);
    expect((await c.exec('core-01', 'etcdctl get /nothing')).stderr).toBe('Error:  100: Key not found (/nothing) [7]\n');
  });

  it('a 4th machine on a size-3 token becomes a proxy through which writes work', async () => {
    const c = await sim({ seed: 23 });
    const inputs: WorldInput[] = [];
    c.sim.subscribe((e) => e.type === 'input' && inputs.push(e.input));
    const name = await c.addMachine();
    expect(name).toBe('core-04');
    expect(c.machines).toEqual(['core-01', 'core-02', 'core-03', 'core-04']);
    expect(c.sim.etcdMode('core-04')).toBe('proxy');
    expect(c.sim.snapshot().machines[3]!.etcd?.role).toBe('proxy');
    expect((await c.exec('core-04', 'etcdctl set /via-proxy yes')).stdout).toBe('yes\n');
    expect((await c.exec('core-04', 'etcdctl member list')).stdout.trim().split('\n')).toHaveLength(3);
    expect(c.sim.discovery()[0]!.registered).toHaveLength(3);
    expect(inputs.some((i) => i.kind === 'addMachine' && i.machine === 'core-04')).toBe(true);
  });

  it('destroyMachine takes a machine out of the world and the list', async () => {
    const c = await sim({ seed: 24, userData: staticClusterUserData(3) });
    c.sim.destroyMachine('core-02');
    expect(c.machines).toEqual(['core-01', 'core-03']);
    expect(() => c.readFile('core-02', '/etc/hostname')).toThrow();
    // The two left still have a quorum of the three members.
    expect((await c.exec('core-01', 'etcdctl set /k v', { timeoutMs: 20_000 })).exitCode).toBe(0);
    // The next `vagrant up` takes the name after the highest.
    expect(c.sim.addMachine({ userData: '#cloud-config\n' })).toBe('core-04');
  });

  it('recreate: fresh machines with a fresh token; the old token and its registrations stay', async () => {
    const c = await sim({ seed: 25 });
    const first = c.sim.discovery()[0]!;
    const url = c.sim.discoveryService.newToken(5);
    const ud = c.readFile('core-01', '/home/core/user-data')!.replace(/discovery: \S+/, `discovery: ${url}`);
    const oldId = c.readFile('core-01', '/etc/machine-id');
    const inputs: WorldInput[] = [];
    c.sim.subscribe((e) => e.type === 'input' && inputs.push(e.input));
    c.sim.recreate({ machines: 5, userData: ud });
    expect(c.machines).toEqual(['core-01', 'core-02', 'core-03', 'core-04', 'core-05']);
    expect(c.readFile('core-01', '/etc/machine-id')).not.toBe(oldId);
    await c.advance(20_000);
    expect(c.leader()).toBeDefined();
    const views = c.sim.discovery();
    expect(views[0]).toEqual(first);
    expect(views.find((v) => v.url === url)!.registered).toHaveLength(5);
    expect((await c.exec('core-05', 'etcdctl member list')).stdout.trim().split('\n')).toHaveLength(5);
    expect(inputs[0]).toEqual({ kind: 'recreate', machines: 5, userData: ud });
  });

  it('a user-data that fails to parse: machines boot, nothing applied, no etcd, the error in the journal', async () => {
    const c = await sim({ seed: 26, userData: '#cloud-config\ncoreos:\n  units: [\n' });
    expect(c.machines.every((m) => c.sim.host(m).isRunning())).toBe(true);
    expect(c.leader()).toBeUndefined();
    expect(c.sim.snapshot().machines.map((m) => m.etcdMode)).toEqual(['none', 'none', 'none']);
    const log = c.sim.host('core-01').journal.entries().map((e) => e.message);
    // fmt.Printf in coreos-cloudinit: no log timestamp.
    expect(log.some((l) => /^Failed to parse user-data: YAML error: /.test(l))).toBe(true);
    expect(log).toContain('Continuing...');
    expect((await c.exec('core-01', 'etcdctl ls')).exitCode).not.toBe(0);
  });

  it('a discovery URL nobody minted: etcd never forms; createCluster gives up waiting and resolves without a leader', async () => {
    const c = await sim({ seed: 27, machines: 2, userData: staticClusterUserData(2).replace(/ {4}name: .*\n {4}initial-cluster: .*\n/, '    discovery: https://discovery.etcd.io/00000000000000000000000000000000\n') });
    expect(c.leader()).toBeUndefined();
    expect(c.now()).toBeGreaterThanOrEqual(120_000);
  });

  it('etcd2 runs only if the user-data starts it', async () => {
    const c = await sim({ seed: 28, userData: '#cloud-config\ncoreos:\n  etcd2:\n    name: x\n' });
    expect(c.readFile('core-01', '/run/systemd/system/etcd2.service.d/20-cloudinit.conf')).toBe('[Service]\nEnvironment="ETCD_NAME=x"\n');
    expect(c.sim.etcdMode('core-01')).toBe('none');
    expect(c.leader()).toBeUndefined();
  });
});
