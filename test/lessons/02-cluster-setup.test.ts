import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/learn/load.ts';
import { startHeadlessLesson, type HeadlessLesson } from '../../src/learn/headless-player.ts';
import { clusterUserData } from '../../lessons/02-cluster-setup/steps.ts';

// Lesson 2 reached the ways a learner might instead of the solution's: the checks read the
// discovery registry, the files and the machines, not what was typed.

const stepIndex = (h: HeadlessLesson, id: string) => h.engine.steps.findIndex((s) => s.def.id === id);

async function at(h: HeadlessLesson, id: string) {
  h.engine.goTo(stepIndex(h, id));
  return h.engine.check();
}

describe('lesson 02-cluster-setup, another way', () => {
  it('takes a token kept in a shell variable, a cloud-config written with printf, and tells what is wrong', async () => {
    const h = await startHeadlessLesson(await loadLesson('02-cluster-setup'));
    const c = h.cluster;
    expect((await at(h, 'discovery-token')).ok).toBe(false);
    // A token for five is not what the lesson asks for.
    await c.exec('core-01', 'curl -s "https://discovery.etcd.io/new?size=5"');
    expect((await at(h, 'discovery-token')).reason).toMatch(/for 5 members/);
    await h.player.play({ machine: 'core-01', line: 'TOKEN=$(curl -s "https://discovery.etcd.io/new?size=3")' });
    expect((await at(h, 'discovery-token')).ok).toBe(true);
    const token = c.sim.discovery().at(-1)!;
    expect(token.size).toBe(3);

    // Wrong files, each with its reason.
    const good = clusterUserData(token.url);
    const bad: [string, RegExp][] = [
      [good.replace(token.url, 'https://discovery.etcd.io/0123456789abcdef0123456789abcdef'), /not a URL the discovery service gave you/],
      [good.replace(token.url, c.sim.discovery()[0]!.url), /made for 5 members/],
      [good.replace('advertise-client-urls: http://$private_ipv4:2379', 'advertise-client-urls: http://172.17.8.101:2379'), /advertise-client-urls should use \$private_ipv4/],
      [good.replace('    - name: fleet.service\n      command: start\n', ''), /units: has no fleet\.service/],
      [good.replace('  etcd2:', ' etcd2:'), /not a cloud-config yet: YAML error/],
    ];
    for (const [text, why] of bad) {
      c.writeFile('core-01', '/home/core/user-data', text);
      const r = await at(h, 'cloud-config');
      expect(r.ok).toBe(false);
      expect(r.reason).toMatch(why);
    }

    // The right file, written from the shell (no editor): printf fills in $TOKEN.
    const fmt = good.replace(token.url, '%s').replace(/\n/g, '\\n');
    await h.player.play({ machine: 'core-01', line: `printf '${fmt}' "$TOKEN" > user-data` });
    expect(c.readFile('core-01', '/home/core/user-data')).toBe(good);
    expect((await at(h, 'cloud-config')).ok).toBe(true);

    // Validated with the other spelling of the flags.
    expect((await at(h, 'validate')).reason).toMatch(/coreos-cloudinit -validate/);
    await h.player.play({ machine: 'core-01', line: 'coreos-cloudinit --validate --from-file=/home/core/user-data' });
    expect((await at(h, 'validate')).ok).toBe(true);
    // Saved again from the editor after validating: validate again.
    c.writeFile('core-01', '/home/core/user-data', good);
    expect((await at(h, 'validate')).reason).toMatch(/changed the file since/);
    h.engine.dispose();
  });

  it('wants every member of the token booted, and a fourth machine as a proxy', async () => {
    const h = await startHeadlessLesson(await loadLesson('02-cluster-setup'));
    const c = h.cluster;
    await h.player.play({ machine: 'core-01', line: 'curl -s "https://discovery.etcd.io/new?size=3"' });
    const token = c.sim.discovery().at(-1)!;
    // Two machines for a token of three: they register and wait for the third.
    await h.player.play({ action: 'recreate', machines: 2, userData: clusterUserData(token.url) });
    await c.advance(5000);
    expect((await at(h, 'boot-cluster')).reason).toMatch(/2 of 3 members have registered/);
    c.sim.addMachine();
    await h.settleStep(60_000);
    expect((await at(h, 'boot-cluster')).ok).toBe(true);
    expect((await at(h, 'cluster-health')).reason).toMatch(/cluster-health/);
    // On core-03, through the legacy port.
    await h.player.play({ machine: 'core-03', line: 'etcdctl --endpoint http://127.0.0.1:4001 cluster-health' });
    expect((await at(h, 'cluster-health')).ok).toBe(true);

    expect((await at(h, 'add-machine')).reason).toMatch(/No machine runs etcd as a proxy/);
    const name = await c.addMachine();
    expect(name).toBe('core-04');
    expect(c.sim.etcdMode(name)).toBe('proxy');
    expect((await at(h, 'add-machine')).ok).toBe(true);
    // member list on a member is not looking at the proxy.
    await h.player.play({ machine: 'core-01', line: 'etcdctl member list' });
    expect((await at(h, 'proxy')).reason).toMatch(/on core-04/);
    await h.player.play({ machine: 'core-04', line: 'etcdctl member list' });
    expect((await at(h, 'proxy')).ok).toBe(true);
    h.engine.dispose();
  });
});
