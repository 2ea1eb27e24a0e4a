import { describe, expect, it } from 'vitest';
import type { Cluster, HeadlessCluster } from '../../../../src/headless.ts';
import { staticClusterUserData } from '../../../../src/cluster.ts';

/**
 * etcdctl against the real simulated cluster (headless API), checked against the reference's
 * observed outputs (section B): a fresh 3-member coreos-vagrant cluster sits at etcd index 7, so
 * the first user write gets index 8. Skipped while the headless cluster cannot be built.
 */
let createCluster: ((o?: { machines?: number; seed?: number; userData?: string }) => Promise<Cluster>) | undefined;
try {
  ({ createCluster } = await import('../../../../src/headless.ts'));
} catch {
  createCluster = undefined;
}

const T = 120_000;

/** Static bootstrap: members named core-0N with the IDs of the reference's static cluster. */
async function fresh(): Promise<Cluster> {
  return createCluster!({ machines: 3, seed: 1, userData: staticClusterUserData(3) });
}

const ids = async (c: Cluster) => {
  const r = await c.exec('core-01', 'etcdctl member list');
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => /^([0-9a-f]+): name=(\S+) /.exec(l)!)
    .map((m) => ({ id: m[1]!, name: m[2]! }));
};

describe.skipIf(!createCluster)('etcdctl 2.3.7 on the simulated cluster', () => {
  it(
    'key commands on a fresh cluster: indexes, formats, errors, exit codes (B.2–B.4)',
    async () => {
      const c = await fresh();
      expect(await c.exec('core-01', 'etcdctl get /foo')).toEqual({ stdout: '', stderr: 'Error:  100: Key not found (/foo) [7]\n', exitCode: 4 });
      expect(await c.exec('core-01', 'etcdctl set /message "Hello world"')).toEqual({ stdout: 'Hello world\n', stderr: '', exitCode: 0 });
      expect((await c.exec('core-02', 'etcdctl -o json get /message')).stdout).toBe(
        '{"action":"get","node":{"key":"/message","value":"Hello world","nodes":null,"createdIndex":8,"modifiedIndex":8},"prevNode":null}\n',
      );
      expect((await c.exec('core-03', 'etcdctl -o extended get /message')).stdout).toBe(
        'Key: /message\nCreated-Index: 8\nModified-Index: 8\nTTL: 0\nIndex: 8\n\nHello world\n',
      );
      expect(await c.exec('core-01', 'etcdctl mkdir /dir')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
      expect(await c.exec('core-01', 'etcdctl get /dir')).toEqual({ stdout: '', stderr: '/dir: is a directory\n', exitCode: 1 });
      expect(await c.exec('core-01', 'etcdctl set /dir/a 1')).toMatchObject({ stdout: '1\n', exitCode: 0 });
      expect((await c.exec('core-01', 'etcdctl ls --recursive -p /')).stdout).toBe('/dir/\n/dir/a\n/message\n');
      expect(await c.exec('core-01', 'etcdctl set /k one')).toMatchObject({ stdout: 'one\n' });
      const cas = await c.exec('core-01', 'etcdctl set /k two --swap-with-value wrong');
      expect(cas).toMatchObject({ stdout: '', exitCode: 4 });
      expect(cas.stderr).toMatch(/^Error: {2}101: Compare failed \(\[wrong != one\]\) \[\d+\]\n$/);
      expect(await c.exec('core-01', 'etcdctl rm /message')).toEqual({ stdout: 'PrevNode.Value: Hello world\n', stderr: '', exitCode: 0 });
      expect(await c.exec('core-01', 'etcdctl rm /dir')).toMatchObject({ stderr: expect.stringMatching(/^Error: {2}102: Not a file \(\/dir\) \[\d+\]\n$/), exitCode: 4 });
      expect(await c.exec('core-01', 'etcdctl set')).toMatchObject({ stderr: 'Error:  key required\n', exitCode: 1 });
      expect(await c.exec('core-01', 'etcdctl set /x')).toMatchObject({ stderr: 'Error:  value required\n', exitCode: 1 });
      expect(await c.exec('core-01', 'etcdctl set /x', { stdin: 'piped\n' })).toMatchObject({ stdout: 'piped\n\n', exitCode: 0 });
      const q = await c.exec('core-01', 'etcdctl mk --in-order /queue job');
      expect(q).toMatchObject({ stdout: 'job\n', exitCode: 0 });
      expect((await c.exec('core-01', 'etcdctl ls /queue')).stdout).toMatch(/^\/queue\/\d{20}\n$/);
      expect(await c.exec('core-01', 'etcdctl --version')).toEqual({ stdout: 'etcdctl version 2.3.7\n', stderr: '', exitCode: 0 });
      expect(await c.exec('core-01', 'etcdctl bogus')).toEqual({ stdout: "No help topic for 'bogus'\n", stderr: '', exitCode: 0 });
    },
    T,
  );

  it(
    'watch sees a write made on another machine (B.5)',
    async () => {
      const c = await fresh();
      const w = c.exec('core-01', 'etcdctl watch --recursive /wd');
      await c.advance(500);
      await c.exec('core-02', 'etcdctl set /wd/child v1');
      expect(await w).toEqual({ stdout: '[set] /wd/child\nv1\n', stderr: '', exitCode: 0 });
    },
    T,
  );

  it(
    'watch --forever prints every change; Ctrl-C ends it with exit 0 (B.5)',
    async () => {
      const c = await fresh();
      const h = c as unknown as HeadlessCluster;
      let out = '';
      let err = '';
      const cmd = h.sim.spawn('core-01', 'etcdctl watch --forever /f', { stdout: { write: (x) => (out += x) }, stderr: { write: (x) => (err += x) } }, true);
      const done = h.pump.hold(cmd.done);
      await c.advance(300);
      await c.exec('core-02', 'etcdctl set /f a');
      await c.exec('core-03', 'etcdctl set /f b');
      await c.exec('core-02', 'etcdctl rm /f');
      await c.advance(100);
      cmd.interrupt();
      expect(await done).toBe(0);
      expect({ out, err }).toEqual({ out: 'a\nb\nPrevNode.Value: b\n', err: '' });
    },
    T,
  );

  it(
    'exec-watch runs its command through the shell with ETCD_WATCH_* set; a pipe feeds set (B.4)',
    async () => {
      const c = await fresh();
      const w = c.exec('core-01', `etcdctl exec-watch --recursive /ew -- sh -c 'echo "$ETCD_WATCH_ACTION $ETCD_WATCH_KEY=$ETCD_WATCH_VALUE"'`, {
        timeoutMs: 3000,
      });
      await c.advance(500);
      expect(await c.exec('core-02', 'echo hello | etcdctl set /ew/a')).toMatchObject({ stdout: 'hello\n\n', exitCode: 0 });
      const r = await w;
      expect(r.stdout).toBe('set /ew/a=hello\n\n');
      expect(r.exitCode).toBe(124); // still watching when the exec timed out
    },
    T,
  );

  it(
    'member list and cluster-health on a healthy cluster (B.6, B.7)',
    async () => {
      const c = await fresh();
      const members = await ids(c);
      expect(members.map((m) => m.name)).toEqual(expect.arrayContaining(['core-01', 'core-02', 'core-03']));
      const list = (await c.exec('core-01', 'etcdctl member list')).stdout;
      expect(list.match(/isLeader=true/g)).toHaveLength(1);
      const leader = c.leader()!;
      const ip = `172.17.8.10${leader.slice(-1)}`;
      expect(list).toContain(`name=${leader} peerURLs=http://${ip}:2380 clientURLs=http://${ip}:2379 isLeader=true\n`);
      const health = await c.exec('core-02', 'etcdctl cluster-health');
      const lines = list
        .trim()
        .split('\n')
        .map((l) => {
          const [, id, n] = /^([0-9a-f]+): name=core-0(\d)/.exec(l)!;
          return `member ${id} is healthy: got healthy result from http://172.17.8.10${n}:2379`;
        });
      expect(health).toEqual({ stdout: lines.join('\n') + '\ncluster is healthy\n', stderr: '', exitCode: 0 });
    },
    T,
  );

  it(
    'a dead member: cluster-health reports no route to host; writes still succeed',
    async () => {
      const c = await fresh();
      const members = await ids(c);
      const dead = members.find((m) => m.name === 'core-03')!;
      c.kill('core-03');
      await c.advance(3000);
      const h = await c.exec('core-01', 'etcdctl cluster-health');
      expect(h.stdout).toContain(
        `failed to check the health of member ${dead.id} on http://172.17.8.103:2379: Get http://172.17.8.103:2379/health: dial tcp 172.17.8.103:2379: getsockopt: no route to host\n` +
          `member ${dead.id} is unreachable: [http://172.17.8.103:2379] are all unreachable\n`,
      );
      expect(h.stdout.endsWith('cluster is healthy\n')).toBe(true);
      expect(h.exitCode).toBe(0);
      expect(await c.exec('core-01', 'etcdctl set /still works')).toMatchObject({ stdout: 'works\n', exitCode: 0 });
    },
    T,
  );

  it(
    'no quorum: the write times out on every endpoint (B.3), exit 4',
    async () => {
      const c = await fresh();
      c.kill('core-02');
      c.kill('core-03');
      await c.advance(3000);
      const r = await c.exec('core-01', 'etcdctl set /foo bar');
      expect(r).toEqual({
        stdout: '',
        stderr:
          'Error:  client: etcd cluster is unavailable or misconfigured\n' +
          'error #0: client: endpoint http://172.17.8.101:2379 exceeded header timeout\n' +
          'error #1: client: endpoint http://172.17.8.102:2379 exceeded header timeout\n' +
          'error #2: client: endpoint http://172.17.8.103:2379 exceeded header timeout\n' +
          '\n',
        exitCode: 4,
      });
      const h = await c.exec('core-01', 'etcdctl cluster-health');
      expect(h.stdout.endsWith('cluster is unhealthy\n')).toBe(true);
      expect(h.exitCode).toBe(5);
    },
    T,
  );
});
