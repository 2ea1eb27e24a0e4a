/** etcd 0.4.9 (`coreos.etcd`, etcd.service) as a learner meets it: curl, etcdctl 2.3.7, the journal, discovery. */
import { describe, it, expect } from 'vitest';
import { createCluster } from '../../../src/headless.ts';
import { SimCluster } from '../../../src/cluster.ts';
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
    const out = (await c.exec('core-01', 'journalctl -u etcd --no-pager -o cat')).stdout;
    const lines = out.split('\n').filter((l) => l.startsWith('[etcd]')).map((l) => l.replace(/^\[etcd\] Jun  1 \d\d:\d\d:\d\d\.\d{3} /, ''));
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
  it('the first claims _state and starts alone, the others join through it; writes on followers redirect', async () => {
    const probe = new SimCluster({ machines: 1, seed: 21 });
    void probe;
    const c = await createCluster({ machines: 3, seed: 21, userData: userData('https://discovery.etcd.io/0123456789abcdef0123456789abcdef').replace('    name: $NAME\n', '') });
    // An unknown token: discovery.etcd.io answers 404 for it; etcd gives up.
    const bad = (await c.exec('core-01', 'journalctl -u etcd --no-pager -o cat')).stdout;
    expect(bad).toContain('Discovery encountered an error: 100: Key not found');
  });
});
