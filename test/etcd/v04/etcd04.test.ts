/** etcd 0.4.9 (`coreos.etcd`, etcd.service) as a learner meets it: curl, etcdctl 2.3.7, the journal, discovery. */
import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../src/headless.ts';
import { goLogLine, stampMilli } from '../../../src/etcd/v04/log.ts';
import { machineValue } from '../../../src/etcd/v04/registry.ts';

const userData = (discovery?: string) => `#cloud-config
coreos:
  etcd:
    name: $NAME
${discovery ? `    discovery: ${discovery}\n` : ''}    addr: $private_ipv4:4001
    peer-addr: $private_ipv4:7001
  units:
    - name: etcd.service
      command: start
`;

describe('etcd 0.4 log lines', () => {
  it('go-log format: prefix, StampMilli (space-padded day), priority padded to 9', () => {
    expect(stampMilli(3227)).toBe('Jun  1 09:00:03.227');
    expect(goLogLine(3227, 6, 'default is starting a new cluster')).toBe('[etcd] Jun  1 09:00:03.227 INFO      | default is starting a new cluster');
    expect(goLogLine(0, 4, 'x')).toBe('[etcd] Jun  1 09:00:00.000 WARNING   | x');
  });

  it('the registry value is url.Values.Encode of etcd and raft', () => {
    expect(machineValue('http://127.0.0.1:4001', 'http://127.0.0.1:7001')).toBe('etcd=http%3A%2F%2F127.0.0.1%3A4001&raft=http%3A%2F%2F127.0.0.1%3A7001');
  });
});

describe('one machine with coreos.etcd', () => {
  it('serves the 0.4 client API on 4001', async () => {
    const c = await createCluster({ machines: 1, seed: 3, userData: userData().replace('    name: $NAME\n', '') });
    const run = async (cmd: string) => (await c.exec('core-01', cmd)).stdout;
    expect(await run('curl -s localhost:4001/version')).toBe('etcd 0.4.9');
    // The machine's own join took index 1: the first key gets 2 (0.4's API docs); no trailing newline.
    expect(await run('curl -s -XPUT localhost:4001/v2/keys/message -d value=hi')).toBe('{"action":"set","node":{"key":"/message","value":"hi","modifiedIndex":2,"createdIndex":2}}');
    expect(await run('curl -s localhost:4001/v2/keys/message')).toBe('{"action":"get","node":{"key":"/message","value":"hi","modifiedIndex":2,"createdIndex":2}}');
    expect(await run('curl -s localhost:4001/v2/keys/nope')).toBe('{"errorCode":100,"message":"Key not found","cause":"/nope","index":2}\n');
    const head = await run('curl -si localhost:4001/v2/keys/message');
    expect(head).not.toContain('X-Etcd-Cluster-Id');
    expect(head).toContain('X-Raft-Term:');
    expect(await run('curl -s localhost:4001/v2/machines')).toBe('http://172.17.8.101:4001');
    expect(await run('curl -s localhost:4001/v2/leader')).toBe('http://172.17.8.101:7001');
    expect(await run('curl -s localhost:4001/v2/members')).toBe('404 page not found\n');
    expect(await run('curl -s localhost:4001/health')).toBe('404 page not found\n');
    const machineId = (await run('cat /etc/machine-id')).trim();
    const self = JSON.parse(await run('curl -s localhost:4001/v2/stats/self')) as Record<string, unknown>;
    expect(self.name).toBe(machineId);
    expect(self.state).toBe('leader');
    expect(self.leaderInfo).toMatchObject({ leader: machineId });
    expect(await run('curl -s localhost:4001/v2/stats/leader')).toBe(`{"leader":"${machineId}","followers":{}}`);
    expect(await run('curl -s localhost:4001/v2/keys/_etcd/machines/' + machineId)).toContain('"value":"etcd=http%3A%2F%2F172.17.8.101%3A4001\\u0026raft=http%3A%2F%2F172.17.8.101%3A7001"');
  });

  it('etcdctl 2.3.7 works through the peers API; member list and cluster-health find no members API', async () => {
    const c = await createCluster({ machines: 1, seed: 4, userData: userData().replace('    name: $NAME\n', '') });
    expect(await c.exec('core-01', 'etcdctl set /a 1')).toEqual({ stdout: '1\n', stderr: '', exitCode: 0 });
    expect((await c.exec('core-01', 'etcdctl get /a')).stdout).toBe('1\n');
    expect(await c.exec('core-01', 'etcdctl member list')).toEqual({ stdout: '', stderr: 'unexpected status code 404\n', exitCode: 1 });
    expect(await c.exec('core-01', 'etcdctl cluster-health')).toEqual({
      stdout: 'cluster may be unhealthy: failed to list members\n',
      stderr: 'Error:  unexpected status code 404\n',
      exitCode: 4,
    });
  });

  it('logs as etcd 0.4 under the etcd unit', async () => {
    const c = await createCluster({ machines: 1, seed: 5, userData: userData().replace('    name: $NAME\n', '') });
    const id = (await c.exec('core-01', 'cat /etc/machine-id')).stdout.trim();
    const out = (await c.exec('core-01', 'journalctl -u etcd --no-pager')).stdout;
    const lines = out
      .split('\n')
      .filter((l) => l.includes(' etcd['))
      .map((l) => l.replace(/^.* etcd\[\d+\]: \[etcd\] Jun  1 \d\d:\d\d:\d\d\.\d{3} /, ''));
    expect(lines).toEqual([
      `INFO      | ${id} is starting a new cluster`,
      `INFO      | etcd server [name ${id}, listen on :4001, advertised url http://172.17.8.101:4001]`,
      `INFO      | peer server [name ${id}, listen on :7001, advertised url http://172.17.8.101:7001]`,
      `INFO      | ${id}: state changed from 'initialized' to 'follower'.`,
      `INFO      | ${id}: state changed from 'follower' to 'leader'.`,
      `INFO      | ${id}: leader changed from '' to '${id}'.`,
    ]);
  });
});

describe('three machines through discovery, 0.4 style', () => {
  const durl = 'https://discovery.etcd.io/0123456789abcdef0123456789abcdef';
  it('the first claims _state and starts alone, the others join through it; writes on followers redirect', async () => {
    const c = await createCluster({ machines: 3, seed: 21, userData: userData(durl).replace('    name: $NAME\n', '') });
    const ids: string[] = [];
    for (const m of c.machines) ids.push((await c.exec(m, 'cat /etc/machine-id')).stdout.trim());
    const machines = (await c.exec('core-02', 'curl -s localhost:4001/v2/machines')).stdout.split(', ');
    expect([...machines].sort()).toEqual(['http://172.17.8.101:4001', 'http://172.17.8.102:4001', 'http://172.17.8.103:4001']);
    const leaderPeer = (await c.exec('core-02', 'curl -s localhost:4001/v2/leader')).stdout;
    // The leader's client URL comes first.
    expect(machines[0]).toBe(leaderPeer.replace(':7001', ':4001'));
    const follower = ['core-01', 'core-02', 'core-03'].find((_, i) => !leaderPeer.includes(`172.17.8.10${i + 1}`))!;
    const redirect = await c.exec(follower, 'curl -si -XPUT localhost:4001/v2/keys/k -d value=v');
    expect(redirect.stdout).toMatch(/^HTTP\/1\.1 307 Temporary Redirect\r\n/);
    expect(redirect.stdout).toContain(`Location: ${machines[0]}/v2/keys/k\r\n`);
    const followed = await c.exec(follower, 'curl -sL -XPUT localhost:4001/v2/keys/k -d value=v');
    expect(followed.stdout).toMatch(/^\{"action":"set","node":\{"key":"\/k","value":"v","modifiedIndex":\d+,"createdIndex":\d+\}\}$/);
    expect(await c.exec(follower, 'etcdctl set /e2 x')).toEqual({ stdout: 'x\n', stderr: '', exitCode: 0 });

    // The registry under the token: one key per machine (its name) holding its peer URL (`_state` is hidden).
    const reg = JSON.parse((await c.exec('core-01', `curl -s ${durl}?recursive=true`)).stdout) as { node: { nodes: { key: string; value: string }[] } };
    const byKey = new Map(reg.node.nodes.map((n) => [n.key.slice(n.key.lastIndexOf('/') + 1), n.value]));
    expect(byKey.size).toBe(3);
    expect(byKey.get(ids[0]!)).toBe('http://172.17.8.101:7001');
    expect(byKey.get(ids[2]!)).toBe('http://172.17.8.103:7001');
    const logs = await Promise.all(c.machines.map(async (m) => (await c.exec(m, 'journalctl -u etcd --no-pager')).stdout));
    expect(logs.every((l) => l.includes('INFO      | Discovery via https://discovery.etcd.io using prefix /0123456789abcdef0123456789abcdef.'))).toBe(true);
    expect(logs.filter((l) => l.includes('Discovery _state was empty, so this machine is the initial leader.'))).toHaveLength(1);
    const joiner = logs.find((l) => !l.includes('initial leader'))!;
    expect(joiner).toMatch(/Discovery fetched back peer list: \[.*172\.17\.8\.10\d:7001.*\]/);
  });
});

describe('etcd 0.4 as a chunk of its own (lazy-modules.ts)', () => {
  it('a start before the chunk is there fails (no crash); once it is, the next start runs 0.4', async () => {
    const lazy = await import('../../../src/lazy-modules.ts');
    const m04 = await import('../../../src/etcd/v04/index.ts');
    lazy.provideEtcd04(undefined as unknown as typeof m04);
    try {
      // createCluster gives up waiting for a leader after its settle limit: etcd never starts.
      const c = await createCluster({ machines: 1, seed: 3, userData: userData() });
      expect((await c.exec('core-01', 'journalctl -u etcd --no-pager')).stdout).toContain('etcd.service: Main process exited, code=exited, status=1/FAILURE');
      lazy.provideEtcd04(m04);
      await c.exec('core-01', 'sudo systemctl restart etcd');
      await c.advance(3000);
      expect((await c.exec('core-01', 'curl -s http://127.0.0.1:4001/version')).stdout).toContain('etcd');
    } finally {
      lazy.provideEtcd04(m04);
    }
  });
});
