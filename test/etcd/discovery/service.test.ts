/** discovery.etcd.io over curl from a machine (reference G; coreos/discovery.etcd.io handlers). */
import { describe, it, expect } from 'vitest';
import { BootWorld } from '../boot-harness.ts';
import { vagrantEtcdConfig } from '../../../src/etcd/config.ts';

/** One machine whose etcd never starts a cluster (a lone static member), to run curl on. */
function oneMachine(seed: number): BootWorld {
  const w = new BootWorld(seed);
  w.add(1, vagrantEtcdConfig('core-01', '172.17.8.101', [{ name: 'core-01', ip: '172.17.8.101' }]));
  return w;
}

describe('discovery.etcd.io', () => {
  it('/new?size=3 answers the token URL without a newline; curl -w "\\n" adds one', async () => {
    const w = oneMachine(41);
    await w.advance(5000);
    const r = await w.exec('core-01', 'curl -w "\\n" "https://discovery.etcd.io/new?size=3"');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^https:\/\/discovery\.etcd\.io\/[0-9a-f]{32}\n$/);
    const bare = await w.exec('core-01', 'curl -s https://discovery.etcd.io/new');
    expect(bare.stdout).toMatch(/^https:\/\/discovery\.etcd\.io\/[0-9a-f]{32}$/);
    const views = w.discovery.views();
    expect(views.map((v) => v.size)).toEqual([3, 3]);
    expect(views.every((v) => v.registered.length === 0)).toBe(true);
  });

  it('a size that is not a number is a 400 with strconv\'s error', async () => {
    const w = oneMachine(42);
    await w.advance(5000);
    const r = await w.exec('core-01', `curl -s -w ' %{http_code}' 'https://discovery.etcd.io/new?size=three'`);
    expect(r.stdout).toBe('strconv.ParseInt: parsing "three": invalid syntax\n 400');
  });

  it('GET /<token> is the registry dir in etcd JSON; _config stays hidden; a registration by PUT shows', async () => {
    const w = oneMachine(43);
    await w.advance(5000);
    const url = (await w.exec('core-01', 'curl -s https://discovery.etcd.io/new?size=1')).stdout;
    const token = url.slice(-32);
    const empty = await w.exec('core-01', `curl -s ${url}`);
    expect(empty.stdout).toMatch(new RegExp(`^\\{"action":"get","node":\\{"key":"/_etcd/registry/${token}","dir":true,"modifiedIndex":(\\d+),"createdIndex":\\1\\}\\}\\n$`));
    const put = await w.exec('core-01', `curl -s -w ' %{http_code}' -X PUT '${url}/8e9e05c52164694d?prevExist=false' -d value=node0=http://10.0.0.1:2380`);
    expect(put.stdout).toMatch(new RegExp(`^\\{"action":"create","node":\\{"key":"/_etcd/registry/${token}/8e9e05c52164694d","value":"node0=http://10.0.0.1:2380","modifiedIndex":\\d+,"createdIndex":\\d+\\}\\}\\n 201$`));
    const again = await w.exec('core-01', `curl -s -w ' %{http_code}' -X PUT '${url}/8e9e05c52164694d?prevExist=false' -d value=x`);
    expect(again.stdout).toMatch(/^\{"errorCode":105,"message":"Key already exists",.* 412$/s);
    const list = JSON.parse((await w.exec('core-01', `curl -s ${url}`)).stdout) as { node: { nodes: { key: string }[] } };
    expect(list.node.nodes.map((n) => n.key)).toEqual([`/_etcd/registry/${token}/8e9e05c52164694d`]);
    const size = await w.exec('core-01', `curl -s ${url}/_config/size`);
    expect(size.stdout).toMatch(/"key":"\/_etcd\/registry\/[0-9a-f]{32}\/_config\/size","value":"1"/);
    // Its indices are those of a busy public etcd, not a fresh one.
    const idx = Number(/"createdIndex":(\d+)/.exec(size.stdout)![1]);
    expect(idx).toBeGreaterThan(1_000_000);
    expect(w.discovery.views().at(-1)!.registered).toEqual([{ id: '8e9e05c52164694d', name: 'node0', peerURLs: 'http://10.0.0.1:2380' }]);
  });

  it('an unknown token is etcd\'s key-not-found; a path that is no token is 404 page not found', async () => {
    const w = oneMachine(44);
    await w.advance(5000);
    const t = 'f'.repeat(32);
    const r = await w.exec('core-01', `curl -s -w ' %{http_code}' https://discovery.etcd.io/${t}`);
    expect(r.stdout).toMatch(new RegExp(`^\\{"errorCode":100,"message":"Key not found","cause":"/_etcd/registry/${t}","index":\\d+\\}\\n 404$`));
    expect((await w.exec('core-01', `curl -s -w ' %{http_code}' https://discovery.etcd.io/nothing`)).stdout).toBe('404 page not found\n 404');
  });

  it('a watch with wait=true returns when a member registers', async () => {
    const w = oneMachine(45);
    await w.advance(5000);
    const url = w.discovery.newToken(3);
    const watch = w.exec('core-01', `curl -s '${url}?wait=true&recursive=true'`);
    await w.advance(500);
    await w.exec('core-01', `curl -s -X PUT '${url}/abc?prevExist=false' -d value=n=http://10.0.0.2:2380`);
    expect((await watch).stdout).toMatch(/^\{"action":"create","node":\{"key":"\/_etcd\/registry\/[0-9a-f]{32}\/abc","value":"n=http:\/\/10.0.0.2:2380"/);
  });

  it('partitions between machines do not cut the service off', async () => {
    const w = oneMachine(46);
    await w.advance(5000);
    w.world.net.partition([['core-01'], ['core-02']]);
    expect((await w.exec('core-01', 'curl -s https://discovery.etcd.io/new')).stdout).toMatch(/^https:\/\/discovery\.etcd\.io\/[0-9a-f]{32}$/);
  });
});
