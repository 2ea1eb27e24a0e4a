import { describe, expect, it } from 'vitest';
import { RealCluster } from './real-cluster.ts';

/**
 * etcdctl against the real simulated etcd members (reference section B; fresh 3-member cluster
 * at index 7, first write 8).
 */
async function fresh(): Promise<RealCluster> {
  const c = new RealCluster(3, 1);
  await c.settle();
  return c;
}

describe('etcdctl against the simulated etcd 2.3.7', () => {
  it('a missing key on a fresh cluster: `Error:  100: Key not found (/foo) [7]`, exit 4', async () => {
    const c = await fresh();
    expect(await c.run('core-01', ['get', '/foo'])).toMatchObject({ stdout: '', stderr: 'Error:  100: Key not found (/foo) [7]\n', code: 4 });
  });

  it('key commands: indexes, formats, errors', async () => {
    const c = await fresh();
    expect(await c.run('core-01', ['set', '/message', 'Hello world'])).toMatchObject({ stdout: 'Hello world\n', stderr: '', code: 0 });
    expect((await c.run('core-02', ['-o', 'json', 'get', '/message'])).stdout).toBe(
      '{"action":"get","node":{"key":"/message","value":"Hello world","nodes":null,"createdIndex":8,"modifiedIndex":8},"prevNode":null}\n',
    );
    expect((await c.run('core-03', ['-o', 'extended', 'get', '/message'])).stdout).toBe(
      'Key: /message\nCreated-Index: 8\nModified-Index: 8\nTTL: 0\nIndex: 8\n\nHello world\n',
    );
    expect(await c.run('core-01', ['mkdir', '/dir'])).toMatchObject({ stdout: '', stderr: '', code: 0 });
    expect(await c.run('core-01', ['get', '/dir'])).toMatchObject({ stdout: '', stderr: '/dir: is a directory\n', code: 1 });
    expect(await c.run('core-01', ['set', '/dir/a', '1'])).toMatchObject({ stdout: '1\n', code: 0 });
    expect((await c.run('core-01', ['ls', '--recursive', '-p', '/'])).stdout).toBe('/dir/\n/dir/a\n/message\n');
    expect(await c.run('core-01', ['set', '/k', 'one'])).toMatchObject({ stdout: 'one\n' });
    const cas = await c.run('core-01', ['set', '/k', 'two', '--swap-with-value', 'wrong']);
    expect(cas).toMatchObject({ stdout: '', stderr: 'Error:  101: Compare failed ([wrong != one]) [11]\n', code: 4 });
    expect(await c.run('core-01', ['rm', '/message'])).toMatchObject({ stdout: 'PrevNode.Value: Hello world\n', stderr: '', code: 0 });
    expect(await c.run('core-01', ['rm', '/dir'])).toMatchObject({ stderr: 'Error:  102: Not a file (/dir) [12]\n', code: 4 });
    expect(await c.run('core-01', ['mkdir', '/dir'])).toMatchObject({ stderr: 'Error:  105: Key already exists (/dir) [12]\n', code: 4 });
    expect(await c.run('core-01', ['setdir', '/dir'])).toMatchObject({ stderr: 'Error:  102: Not a file (/dir) [12]\n', code: 4 });
    expect(await c.run('core-01', ['update', '/nope', 'x'])).toMatchObject({ stderr: 'Error:  100: Key not found (/nope) [12]\n', code: 4 });
    expect(await c.run('core-01', ['rmdir', '/dir'])).toMatchObject({ stderr: 'Error:  108: Directory not empty (/dir) [12]\n', code: 4 });
    expect(await c.run('core-01', ['rm', '--recursive', '/dir'])).toMatchObject({ stdout: '', stderr: '', code: 0 });
    expect(await c.run('core-01', ['set', '/x'], { stdin: 'piped\n' })).toMatchObject({ stdout: 'piped\n\n', code: 0 });
    expect(await c.run('core-01', ['mk', '--in-order', '/queue', 'job'])).toMatchObject({ stdout: 'job\n', code: 0 });
    expect((await c.run('core-01', ['ls', '/queue'])).stdout).toBe('/queue/00000000000000000015\n');
  });

  it('watch sees a write made on another machine (B.5)', async () => {
    const c = await fresh();
    const w = c.spawn('core-01', ['watch', '--recursive', '/wd']);
    await c.advance(500);
    const [sr] = await c.wait(c.spawn('core-02', ['set', '/wd/child', 'v1']));
    const [wr] = await c.wait(w);
    expect(sr).toMatchObject({ stdout: 'v1\n', code: 0 });
    expect(wr).toMatchObject({ stdout: '[set] /wd/child\nv1\n', stderr: '', code: 0 });
  });

  it('member list and cluster-health on a healthy cluster', async () => {
    const c = await fresh();
    const list = await c.run('core-01', ['member', 'list']);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const leader = c.leader()!;
    const n = leader.slice(-1);
    expect(lines.filter((l) => l.endsWith('isLeader=true'))).toEqual([
      expect.stringMatching(new RegExp(`^[0-9a-f]+: name=${leader} peerURLs=http://172\\.17\\.8\\.10${n}:2380 clientURLs=http://172\\.17\\.8\\.10${n}:2379 isLeader=true$`)),
    ]);
    const expected = lines
      .map((l) => /^([0-9a-f]+): name=core-0(\d)/.exec(l)!)
      .map(([, id, i]) => `member ${id} is healthy: got healthy result from http://172.17.8.10${i}:2379\n`)
      .join('');
    expect(await c.run('core-02', ['cluster-health'])).toMatchObject({ stdout: expected + 'cluster is healthy\n', stderr: '', code: 0 });
  });

  it('no quorum: every endpoint exceeds the header timeout, exit 4; cluster-health exit 5', async () => {
    const c = await fresh();
    c.hosts.get('core-02')!.host.kill();
    c.hosts.get('core-03')!.host.kill();
    await c.advance(3000);
    const r = await c.run('core-01', ['set', '/foo', 'bar']);
    expect(r).toMatchObject({
      stdout: '',
      stderr:
        'Error:  client: etcd cluster is unavailable or misconfigured\n' +
        'error #0: client: endpoint http://172.17.8.101:2379 exceeded header timeout\n' +
        'error #1: client: endpoint http://172.17.8.102:2379 exceeded header timeout\n' +
        'error #2: client: endpoint http://172.17.8.103:2379 exceeded header timeout\n' +
        '\n',
      code: 4,
    });
    const h = await c.run('core-01', ['cluster-health']);
    // Members come in ID order; the live one answers unhealthy, the others have no route.
    expect(h.stdout).toMatch(/^member [0-9a-f]+ is unhealthy: got unhealthy result from http:\/\/172\.17\.8\.101:2379$/m);
    expect(h.stdout).toContain(': Get http://172.17.8.102:2379/health: dial tcp 172.17.8.102:2379: getsockopt: no route to host\n');
    expect(h.stdout.endsWith('cluster is unhealthy\n')).toBe(true);
    expect(h.code).toBe(5);
  });

  it('the local etcd stopped: connection refused on 2379 and 4001, exit 2 (B.3)', async () => {
    const c = await fresh();
    c.hosts.get('core-01')!.etcd.stop();
    const r = await c.run('core-01', ['ls']);
    expect(r).toMatchObject({
      stdout: '',
      stderr:
        'Error:  client: etcd cluster is unavailable or misconfigured\n' +
        'error #0: dial tcp 127.0.0.1:2379: getsockopt: connection refused\n' +
        'error #1: dial tcp 127.0.0.1:4001: getsockopt: connection refused\n' +
        '\n',
      code: 2,
    });
    // Pointed at another member it works.
    expect(await c.run('core-01', ['--endpoints', 'http://172.17.8.102:2379', 'set', '/a', 'b'])).toMatchObject({ stdout: 'b\n', code: 0 });
  });

  it('a dead first endpoint costs one header timeout, then the next member answers', async () => {
    const c = await fresh();
    c.hosts.get('core-01')!.host.kill();
    await c.advance(3000);
    const r = await c.run('core-02', ['set', '/a', 'b']);
    expect(r).toMatchObject({ stdout: 'b\n', stderr: '', code: 0 });
    expect(r.elapsed).toBeGreaterThanOrEqual(1000);
  });

  it('watch --forever prints each change until Ctrl-C, exit 0 (B.5)', async () => {
    const c = await fresh();
    const w = c.spawn('core-01', ['watch', '--forever', '/f'], { interruptAfterMs: 3000 });
    await c.advance(200);
    await c.wait(c.spawn('core-02', ['set', '/f', 'a']));
    await c.wait(c.spawn('core-03', ['set', '/f', 'b']));
    await c.wait(c.spawn('core-02', ['rm', '/f']));
    const [r] = await c.wait(w);
    expect(r).toMatchObject({ stdout: 'a\nb\nPrevNode.Value: b\n', stderr: '', code: 0 });
  });

  it('a key with a TTL: json shows expiration and ttl; a watch on it sees the expiry as an empty line', async () => {
    const c = await fresh();
    const j = await c.run('core-01', ['-o', 'json', 'set', '/t', 'x', '--ttl', '2']);
    expect(j.stdout).toMatch(/^\{"action":"set","node":\{"key":"\/t","value":"x","nodes":null,"createdIndex":8,"modifiedIndex":8,"expiration":"[^"]+Z","ttl":2\},"prevNode":null\}\n$/);
    expect(await c.run('core-01', ['watch', '/t'])).toMatchObject({ stdout: '\n', code: 0 });
    expect(await c.run('core-01', ['get', '/t'])).toMatchObject({ code: 4 });
  });
});
