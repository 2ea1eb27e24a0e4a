/** etcd 2.3's proxy mode (proxy: on, and the discovery fallback): forwarding and its errors. */
import { describe, it, expect } from 'vitest';
import { BootWorld, ipOf, nameOf } from '../boot-harness.ts';
import { vagrantEtcdConfig, type EtcdConfig } from '../../../src/etcd/config.ts';
import { PROXY_REFRESH_MS } from '../../../src/etcd/proxy/proxy.ts';

const three = [1, 2, 3].map((i) => ({ name: nameOf(i), ip: ipOf(i) }));

async function withProxy(seed: number, proxy: 'on' | 'readonly' = 'on') {
  const w = new BootWorld(seed);
  for (let i = 1; i <= 3; i++) w.add(i, vagrantEtcdConfig(nameOf(i), ipOf(i), three));
  expect(await w.until(() => w.settled(three.map((m) => m.name)))).toBe(true);
  const cfg: EtcdConfig = { ...vagrantEtcdConfig('core-04', ipOf(4), three), proxy };
  const p = w.add(4, cfg);
  expect(await w.until(() => p.etcd.proxyEndpoints().length === 3)).toBe(true);
  return { w, p };
}

describe('etcd proxy', () => {
  it('proxy: on learns the client URLs from the peers and forwards keys, members, stats and version', async () => {
    const { w, p } = await withProxy(31);
    expect([...p.etcd.proxyEndpoints()].sort()).toEqual(['http://172.17.8.101:2379', 'http://172.17.8.102:2379', 'http://172.17.8.103:2379'].sort());
    expect(w.log('core-04')).toContain('proxy: using peer urls [http://172.17.8.101:2380 http://172.17.8.102:2380 http://172.17.8.103:2380] ');
    const put = await w.exec('core-04', 'curl -si -X PUT http://127.0.0.1:4001/v2/keys/p -d value=1');
    // reverse.go copies the member's headers, its Date and Content-Length too: Go writes them sorted.
    expect(put.stdout).toMatch(
      /^HTTP\/1\.1 201 Created\r\nContent-Length: 84\r\nContent-Type: application\/json\r\nDate: [^\r]+\r\nX-Etcd-Cluster-Id: [0-9a-f]+\r\nX-Etcd-Index: 8\r\nX-Raft-Index: \d+\r\nX-Raft-Term: \d+\r\n\r\n\{"action":"set"/,
    );
    expect((await w.exec('core-04', 'curl -s http://127.0.0.1:2379/version')).stdout).toBe('{"etcdserver":"2.3.7","etcdcluster":"2.3.0"}');
    const members = JSON.parse((await w.exec('core-04', 'curl -s http://127.0.0.1:2379/v2/members')).stdout) as { members: { name: string }[] };
    expect(members.members.map((m) => m.name).sort()).toEqual(['core-01', 'core-02', 'core-03']);
    // A watch through the proxy sees a write made elsewhere. io.Copy never flushes: the head
    // goes out with the event, and the proxy's server adds the Content-Length it then knows.
    const watch = w.exec('core-04', "curl -si 'http://127.0.0.1:2379/v2/keys/p?wait=true'");
    await w.advance(200);
    await w.exec('core-02', 'etcdctl set /p 2');
    expect((await watch).stdout).toMatch(/\r\nX-Raft-Term: \d+\r\nContent-Length: \d+\r\n\r\n\{"action":"set","node":\{"key":"\/p","value":"2"/);
  });

  it('answers 502 when no endpoint answers, then 503 while all are marked failed', async () => {
    const { w } = await withProxy(32);
    for (const m of three) w.m(m.name).host.kill();
    const first = await w.exec('core-04', `curl -s -w ' %{http_code}' http://127.0.0.1:2379/v2/keys/p`);
    expect(first.stdout).toBe('{"message":"proxy: unable to get response from 3 endpoint(s)"} 502');
    const second = await w.exec('core-04', `curl -s -w ' %{http_code}' http://127.0.0.1:2379/v2/keys/p`);
    expect(second.stdout).toBe('{"message":"proxy: zero endpoints currently available"} 503');
    expect(w.log('core-04')).toContain('proxy: failed to direct request to http://172.17.8.101:2379: dial tcp 172.17.8.101:2379: i/o timeout');
  });

  it('refreshes its endpoints every 30 s: a member added later is used', async () => {
    const { w, p } = await withProxy(33);
    w.m('core-01').etcd.addMember(['http://172.17.8.105:2380'], () => undefined);
    await w.advance(PROXY_REFRESH_MS + 1000);
    // The new member has not started: no client URL yet, but its peer URL is learned.
    expect(p.disk.proxy?.peerURLs).toContain('http://172.17.8.105:2380');
  });

  it('a readonly proxy refuses writes with 501', async () => {
    const { w } = await withProxy(34, 'readonly');
    expect((await w.exec('core-04', `curl -s -w '%{http_code}' -X PUT http://127.0.0.1:2379/v2/keys/r -d value=1`)).stdout).toBe('501');
    expect((await w.exec('core-04', `curl -s -w ' %{http_code}' http://127.0.0.1:2379/v2/keys/r`)).stdout).toMatch(/"errorCode":100.* 404$/s);
  });
});
