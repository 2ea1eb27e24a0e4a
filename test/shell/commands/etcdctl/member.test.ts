import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../../src/sim/http.ts';
import { TestWorld, etcdJson, membersBody, type Route } from './harness.ts';

/** member list/add/remove/update (B.7) against a fake three-member cluster served by core-01. */

function members(extra: (req: HttpRequest) => Route | undefined = () => undefined, list = membersBody(3)) {
  const t = new TestWorld();
  t.addHost('core-01', '172.17.8.101');
  const router = (req: HttpRequest): Route | undefined => {
    const r = extra(req);
    if (r) return r;
    if (req.method === 'GET' && req.path === '/v2/members') return etcdJson(200, list, 0);
    if (req.method === 'GET' && req.path === '/v2/members/leader')
      return etcdJson(200, '{"id":"924e2e83e93f2560","name":"core-02","peerURLs":["http://172.17.8.102:2380"],"clientURLs":["http://172.17.8.102:2379"]}\n', 0);
    return undefined;
  };
  t.serve('core-01', 2379, router);
  t.serve('core-01', 4001, router);
  // The synced endpoints are the members' client URLs; answer on the others too.
  t.addHost('core-02', '172.17.8.102');
  t.addHost('core-03', '172.17.8.103');
  t.serve('core-02', 2379, router);
  t.serve('core-03', 2379, router);
  return t;
}

describe('member list', () => {
  it('prints one line per member with isLeader', async () => {
    const r = await members().run('core-01', ['member', 'list']);
    expect(r.stdout).toBe(
      '6e3bd23ae5f1eae0: name=core-01 peerURLs=http://172.17.8.101:2380 clientURLs=http://172.17.8.101:2379 isLeader=false\n' +
        '924e2e83e93f2560: name=core-02 peerURLs=http://172.17.8.102:2380 clientURLs=http://172.17.8.102:2379 isLeader=true\n' +
        'a8266ecf031671f3: name=core-03 peerURLs=http://172.17.8.103:2380 clientURLs=http://172.17.8.103:2379 isLeader=false\n',
    );
    expect(r.code).toBe(0);
  });

  it('an unstarted member shows only its peer URLs', async () => {
    const list =
      '{"members":[{"id":"6e3bd23ae5f1eae0","name":"core-01","peerURLs":["http://172.17.8.101:2380"],"clientURLs":["http://172.17.8.101:2379"]},' +
      '{"id":"ea49bb8c055dfb7c","name":"","peerURLs":["http://172.17.8.104:2380"],"clientURLs":[]}]}\n';
    const r = await members(undefined, list).run('core-01', ['member', 'list']);
    expect(r.stdout.split('\n')[1]).toBe('ea49bb8c055dfb7c[unstarted]: peerURLs=http://172.17.8.104:2380');
  });

  it('no leader: "Failed to get leader: " and the error, exit 1', async () => {
    const t = members((req) => (req.path === '/v2/members/leader' ? { status: 503, body: '{"message":"During election"}' } : undefined));
    const r = await t.run('core-01', ['member', 'list']);
    expect(r).toMatchObject({ stdout: '', stderr: 'Failed to get leader:  client: etcd cluster is unavailable or misconfigured\n', code: 1 });
  });

  it('takes no arguments', async () => {
    expect(await members().run('core-01', ['member', 'list', 'x'])).toMatchObject({ stderr: 'No arguments accepted\n', code: 1 });
  });
});

describe('member add', () => {
  it('announces the member and prints its environment', async () => {
    const added = '{"id":"ea49bb8c055dfb7c","name":"","peerURLs":["http://172.17.8.104:2380"],"clientURLs":[]}';
    let posted: HttpRequest | undefined;
    const after =
      '{"members":[{"id":"6e3bd23ae5f1eae0","name":"core-01","peerURLs":["http://172.17.8.101:2380"],"clientURLs":["http://172.17.8.101:2379"]},' +
      '{"id":"924e2e83e93f2560","name":"core-02","peerURLs":["http://172.17.8.102:2380"],"clientURLs":["http://172.17.8.102:2379"]},' +
      '{"id":"a8266ecf031671f3","name":"core-03","peerURLs":["http://172.17.8.103:2380"],"clientURLs":["http://172.17.8.103:2379"]},' +
      `${added}]}\n`;
    const t = members((req) => {
      if (req.method === 'POST') {
        posted = req;
        return etcdJson(201, added + '\n', 0);
      }
      if (posted && req.path === '/v2/members') return etcdJson(200, after, 0);
      return undefined;
    });
    const r = await t.run('core-01', ['member', 'add', 'core-04', 'http://172.17.8.104:2380']);
    expect(r.stdout).toBe(
      'Added member named core-04 with ID ea49bb8c055dfb7c to cluster\n\n' +
        'ETCD_NAME="core-04"\n' +
        'ETCD_INITIAL_CLUSTER="core-01=http://172.17.8.101:2380,core-02=http://172.17.8.102:2380,core-03=http://172.17.8.103:2380,core-04=http://172.17.8.104:2380"\n' +
        'ETCD_INITIAL_CLUSTER_STATE="existing"\n',
    );
    expect(posted).toMatchObject({ body: '{"peerURLs":["http://172.17.8.104:2380"]}', headers: [['Content-Type', 'application/json']] });
  });

  it('wrong argument count: "Provide a name and a single member peerURL", exit 1', async () => {
    expect(await members().run('core-01', ['member', 'add', 'infra3'])).toMatchObject({
      stderr: 'Provide a name and a single member peerURL\n',
      code: 1,
    });
  });

  it('a duplicate peer URL: the server message, exit 1', async () => {
    const t = members((req) => (req.method === 'POST' ? { status: 409, body: '{"message":"etcdserver: peerURL exists"}' } : undefined));
    expect(await t.run('core-01', ['member', 'add', 'x', 'http://172.17.8.101:2380'])).toMatchObject({
      stderr: 'etcdserver: peerURL exists\n',
      code: 1,
    });
  });
});

describe('member remove / update', () => {
  it('removes by ID', async () => {
    const t = members((req) => (req.method === 'DELETE' ? { status: 204, body: '' } : undefined));
    expect(await t.run('core-01', ['member', 'remove', 'a8266ecf031671f3'])).toMatchObject({
      stdout: 'Removed member a8266ecf031671f3 from cluster\n',
      code: 0,
    });
    expect(t.requests.at(-1)!.req).toMatchObject({ method: 'DELETE', path: '/v2/members/a8266ecf031671f3' });
  });

  it('a name instead of an ID: the hint, then "Couldn\'t find", exit 1', async () => {
    const r = await members().run('core-01', ['member', 'remove', 'core-02']);
    expect(r.stderr).toBe(
      'Found a member named core-02; if this is correct, please use its ID, eg:\n' +
        '\tetcdctl member remove 924e2e83e93f2560\n' +
        'For more details, read the documentation at https://github.com/coreos/etcd/blob/master/Documentation/runtime-configuration.md#remove-a-member\n\n' +
        "Couldn't find a member in the cluster with an ID of core-02.\n",
    );
    expect(r.code).toBe(1);
  });

  it('updates the peer URLs', async () => {
    let put: HttpRequest | undefined;
    const t = members((req) => {
      if (req.method !== 'PUT') return undefined;
      put = req;
      return { status: 204, body: '' };
    });
    expect(await t.run('core-01', ['member', 'update', 'a8266ecf031671f3', 'http://10.0.0.3:2380'])).toMatchObject({
      stdout: 'Updated member with ID a8266ecf031671f3 in cluster\n',
      code: 0,
    });
    expect(put).toMatchObject({ path: '/v2/members/a8266ecf031671f3', body: '{"peerURLs":["http://10.0.0.3:2380"]}' });
  });
});
