import { it, expect } from 'vitest';
import { createCluster, HeadlessCluster } from '../../src/headless.ts';
it('boots', async () => {
  const c = (await createCluster({ seed: 1 })) as HeadlessCluster;
  const t = c.now();
  const name = await c.addMachine();
  console.log(name, c.now() - t, c.sim.etcdMode(name), c.sim.snapshot().machines.map(m => [m.name, m.etcdMode, m.etcd?.role]));
  console.log(await c.exec(name, 'etcdctl set /x 1'));
  console.log(await c.exec(name, 'etcdctl member list'));
  console.log(JSON.stringify(c.sim.discovery()));
  c.sim.destroyMachine('core-02');
  console.log(c.machines);
  c.sim.recreate({ machines: 2, userData: '#cloud-config\nfoo: [' });
  await c.advance(10000);
  console.log(c.machines, c.leader(), c.sim.snapshot().machines.map(m => [m.name, m.power, m.etcdMode]));
  console.log(c.sim.host('core-01').journal.entries().filter(e=>e.boot===1 && e.identifier==='coreos-cloudinit').map((e: any) => `${e.identifier}[${e.pid}]: ${e.message}`).join('\n'));
});
