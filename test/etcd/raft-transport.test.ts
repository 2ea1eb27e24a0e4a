/** How a member sends its raft messages: to the host behind each peer's first peer URL. */
import { describe, it, expect } from 'vitest';
import { HeadlessCluster } from '../../src/headless.ts';
import { SimCluster, settle, staticClusterUserData } from '../../src/cluster.ts';

describe('raft transport', () => {
  it('follows a member update: a new peer URL that nothing answers to gets no more heartbeats', async () => {
    const sim = new SimCluster({ machines: 3, seed: 5, userData: staticClusterUserData(3) });
    const c = new HeadlessCluster(sim);
    await settle(sim, (cond, limit) => c.pump.until(cond, limit));
    const leader = c.leader()!;
    const follower = c.machines.find((m) => m !== leader)!;
    const ip = `172.17.8.${100 + Number(follower.slice(-2))}`;
    const list = await c.exec(leader, 'etcdctl member list');
    const id = list.stdout.split('\n').find((l) => l.includes(`peerURLs=http://${ip}:2380`))!.split(':')[0]!;

    const heartbeats: number[] = [];
    sim.world.trace.subscribe((e) => {
      if (e.type === 'msg.send' && e.kind === 'MsgHeartbeat' && e.from === leader && e.to === follower) heartbeats.push(e.t);
    });
    await c.advance(1000);
    expect(heartbeats.length).toBeGreaterThan(5);

    const upd = await c.exec(leader, `etcdctl member update ${id} http://172.17.8.199:2380`);
    expect(upd.stdout).toBe(`Updated member with ID ${id} in cluster\n`);
    await c.advance(500);
    const after = c.now();
    await c.advance(1000);
    expect(heartbeats.filter((t) => t > after)).toEqual([]);
  });
});
