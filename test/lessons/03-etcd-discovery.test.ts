import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/learn/load.ts';
import { startHeadlessLesson, type HeadlessLesson } from '../../src/learn/headless-player.ts';

// Lesson 3 reached the ways a learner might instead of the solution's, and the mistakes a
// learner makes on the way (a follower killed, the leader asked on a follower).

async function at(h: HeadlessLesson, id: string) {
  h.engine.goTo(h.engine.steps.findIndex((s) => s.def.id === id));
  return h.engine.check();
}

describe('lesson 03-etcd-discovery, another way', () => {
  it('finds the registry by its URL, the leader by its address, and follows kills, writes and boots', async () => {
    const h = await startHeadlessLesson(await loadLesson('03-etcd-discovery'));
    const c = h.cluster;
    const ip = (m: string) => c.sim.snapshot().machines.find((x) => x.name === m)!.ip;

    // The registry, by the URL typed out (the token is the one the members registered under).
    expect((await at(h, 'registry')).ok).toBe(false);
    const token = c.sim.discovery().find((d) => d.registered.length === 3)!;
    await h.player.play({ machine: 'core-02', line: `curl ${token.url}/` });
    expect((await at(h, 'registry')).ok).toBe(true);

    // /v2/stats/leader asked on a follower, then on the leader through its address.
    const leader = c.leader()!;
    const follower = c.machines.find((m) => m !== leader)!;
    await h.player.play({ machine: follower, line: 'curl -s http://127.0.0.1:2379/v2/stats/leader' });
    expect((await at(h, 'leader')).reason).toMatch(new RegExp(`follower. Ask the leader, ${leader}`));
    await h.player.play({ machine: follower, line: `curl -s ${ip(leader)}:2379/v2/stats/leader` });
    expect((await at(h, 'leader')).ok).toBe(true);

    // Killing a follower is not killing the leader.
    c.kill(follower);
    await c.advance(3000);
    expect((await at(h, 'kill-leader')).reason).toMatch(/was a follower/);
    c.boot(follower);
    await c.advance(10_000);
    expect(c.leader()).toBe(leader);
    c.kill(leader);
    await c.advance(4000);
    const second = c.leader()!;
    expect(second).toBeDefined();
    expect((await at(h, 'kill-leader')).ok).toBe(true);

    // Quorum lost; a write through the HTTP API on the last member fails.
    expect((await at(h, 'no-quorum')).reason).toMatch(/2 of 3 members run, a majority/);
    c.kill(second);
    await c.advance(3000);
    const last = c.machines.find((m) => m !== leader && m !== second)!;
    expect((await at(h, 'no-quorum')).reason).toMatch(new RegExp(`Try to write on ${last}`));
    await h.player.play({ machine: last, line: 'curl -s -X PUT http://127.0.0.1:2379/v2/keys/message -d value=hello' });
    expect((await at(h, 'no-quorum')).ok).toBe(true);

    // Back: one boot is a majority again, but the lesson wants every member back, and a write.
    expect((await at(h, 'recover')).reason).toMatch(/^Boot .+ and .+ again\.$/);
    c.boot(leader);
    c.boot(second);
    expect((await at(h, 'recover')).reason).toMatch(/booting/);
    await c.advance(15_000);
    expect((await at(h, 'recover')).reason).toMatch(/write again/);
    await h.player.play({ machine: second, line: 'curl -s -X PUT http://127.0.0.1:2379/v2/keys/message -d value=hello' });
    expect((await at(h, 'recover')).ok).toBe(true);
    h.engine.dispose();
  });
});
