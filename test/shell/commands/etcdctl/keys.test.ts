import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../../src/sim/http.ts';
import { TestWorld, etcdJson, membersBody, type Route } from './harness.ts';

/**
 * The key commands against a fake one-member etcd on core-01 (2379 and 4001). Expected outputs
 * are the reference's (B.2–B.4): values, `PrevNode.Value:`, `Error:  100: ...`, exit codes.
 */
type Handler = (req: HttpRequest) => Route | undefined;

function cluster(keys: Handler, members = membersBody(1)) {
  const t = new TestWorld();
  t.addHost('core-01', '172.17.8.101');
  const router = (req: HttpRequest): Route | undefined => {
    if (req.path === '/v2/members') return etcdJson(200, members, 0);
    if (req.path.startsWith('/v2/keys')) return keys(req);
    return undefined;
  };
  t.serve('core-01', 2379, router);
  t.serve('core-01', 4001, router);
  return t;
}

const keyRequests = (t: TestWorld) => t.requests.filter((r) => r.req.path.startsWith('/v2/keys')).map((r) => r.req);

const SET_FOO = '{"action":"set","node":{"key":"/foo","value":"bar","modifiedIndex":8,"createdIndex":8}}\n';

describe('set / get / mk / update', () => {
  it('set prints the value; the PUT carries the form-encoded value', async () => {
    const t = cluster(() => etcdJson(201, SET_FOO, 8));
    const r = await t.run('core-01', ['set', '/foo', 'bar']);
    expect(r).toMatchObject({ stdout: 'bar\n', stderr: '', code: 0 });
    const [req] = keyRequests(t);
    expect(req).toMatchObject({ method: 'PUT', path: '/v2/keys/foo', query: '', body: 'value=bar' });
    // Synced first: GET /v2/members on the local endpoint, then the member's advertised URL.
    expect(t.requests[0]!.req.path).toBe('/v2/members');
    expect(t.requests[1]).toMatchObject({ port: 2379 });
  });

  it('flags after the positional arguments work (cli reorders); --ttl goes in the form', async () => {
    const t = cluster(() => etcdJson(201, SET_FOO, 8));
    await t.run('core-01', ['set', '/foo', 'bar', '--ttl', '60']);
    expect(keyRequests(t)[0]).toMatchObject({ query: '', body: 'ttl=60&value=bar' });
  });

  it('`set -- /k -v` sets the value -v', async () => {
    const t = cluster(() => etcdJson(201, '{"action":"set","node":{"key":"/k","value":"-v","modifiedIndex":8,"createdIndex":8}}\n', 8));
    const r = await t.run('core-01', ['set', '--', '/k', '-v']);
    expect(r).toMatchObject({ stdout: '-v\n', code: 0 });
    expect(keyRequests(t)[0]).toMatchObject({ path: '/v2/keys/k', body: 'value=-v' });
  });

  it('swap flags make a compare-and-swap; a failed compare is error 101, exit 4', async () => {
    const t = cluster(() => etcdJson(412, '{"errorCode":101,"message":"Compare failed","cause":"[wrong != one]","index":16}\n', 16));
    const r = await t.run('core-01', ['set', '/k', 'two', '--swap-with-value', 'wrong', '--swap-with-index', '3']);
    expect(r).toMatchObject({ stdout: '', stderr: 'Error:  101: Compare failed ([wrong != one]) [16]\n', code: 4 });
    expect(keyRequests(t)[0]).toMatchObject({ query: 'prevIndex=3&prevValue=wrong', body: 'value=two' });
  });

  it('key and value are required (exit 1); the value may come from stdin, newline included', async () => {
    const t = cluster(() => etcdJson(201, '{"action":"set","node":{"key":"/k","value":"v\\n","modifiedIndex":8,"createdIndex":8}}\n', 8));
    expect(await t.run('core-01', ['set'])).toMatchObject({ stderr: 'Error:  key required\n', code: 1 });
    expect(await t.run('core-01', ['set', '/k'])).toMatchObject({ stderr: 'Error:  value required\n', code: 1 });
    expect(await t.run('core-01', ['set', '/k'], { stdin: '' })).toMatchObject({ stderr: 'Error:  value required\n', code: 1 });
    const r = await t.run('core-01', ['set', '/k'], { stdin: 'v\n' });
    expect(r).toMatchObject({ stdout: 'v\n\n', code: 0 });
    expect(keyRequests(t).at(-1)).toMatchObject({ body: 'value=v%0A' });
  });

  it('get prints the value; a missing key is `Error:  100: Key not found (/foo) [7]`, exit 4', async () => {
    const t = cluster((req) =>
      req.path === '/v2/keys/foo'
        ? etcdJson(404, '{"errorCode":100,"message":"Key not found","cause":"/foo","index":7}\n', 7)
        : etcdJson(200, '{"action":"get","node":{"key":"/message","value":"Hello world","modifiedIndex":8,"createdIndex":8}}\n', 8),
    );
    expect(await t.run('core-01', ['get', '/message'])).toMatchObject({ stdout: 'Hello world\n', stderr: '', code: 0 });
    expect(keyRequests(t)[0]).toMatchObject({ method: 'GET', query: 'quorum=false&recursive=false&sorted=false' });
    expect(await t.run('core-01', ['get', '/foo'])).toMatchObject({ stdout: '', stderr: 'Error:  100: Key not found (/foo) [7]\n', code: 4 });
    await t.run('core-01', ['get', '--quorum', 'message']);
    expect(keyRequests(t).at(-1)).toMatchObject({ path: '/v2/keys/message', query: 'quorum=true&recursive=false&sorted=false' });
  });

  it('get on a directory: `/dir: is a directory` on stderr, exit 1', async () => {
    const t = cluster(() => etcdJson(200, '{"action":"get","node":{"key":"/dir","dir":true,"modifiedIndex":9,"createdIndex":9}}\n', 9));
    expect(await t.run('core-01', ['get', '/dir'])).toMatchObject({ stdout: '', stderr: '/dir: is a directory\n', code: 1 });
  });

  it('mk creates with prevExist=false, or POSTs with --in-order', async () => {
    const t = cluster((req) =>
      req.method === 'POST'
        ? etcdJson(201, '{"action":"create","node":{"key":"/q/00000000000000000013","value":"job","modifiedIndex":13,"createdIndex":13}}\n', 13)
        : etcdJson(412, '{"errorCode":105,"message":"Key already exists","cause":"/k","index":12}\n', 12),
    );
    expect(await t.run('core-01', ['mk', '/k', 'v'])).toMatchObject({ stderr: 'Error:  105: Key already exists (/k) [12]\n', code: 4 });
    expect(keyRequests(t)[0]).toMatchObject({ method: 'PUT', query: 'prevExist=false', body: 'value=v' });
    expect(await t.run('core-01', ['mk', '--in-order', '/q', 'job'])).toMatchObject({ stdout: 'job\n', code: 0 });
    expect(keyRequests(t)[1]).toMatchObject({ method: 'POST', path: '/v2/keys/q', query: '', body: 'value=job' });
  });

  it('update uses prevExist=true; mkdir, setdir, updatedir send dir=true and print nothing', async () => {
    const t = cluster(() => etcdJson(200, '{"action":"update","node":{"key":"/d","dir":true,"modifiedIndex":9,"createdIndex":9}}\n', 9));
    await t.run('core-01', ['update', '/k', 'v']);
    expect(await t.run('core-01', ['mkdir', '/d'])).toMatchObject({ stdout: '', stderr: '', code: 0 });
    expect(await t.run('core-01', ['setdir', '/d', '--ttl', '30'])).toMatchObject({ stdout: '', code: 0 });
    expect(await t.run('core-01', ['updatedir', '/d'])).toMatchObject({ stdout: '', code: 0 });
    expect(keyRequests(t).map((r) => [r.query, r.body])).toEqual([
      ['prevExist=true', 'value=v'],
      ['dir=true&prevExist=false', ''],
      ['dir=true', 'ttl=30'],
      ['dir=true&prevExist=true', ''],
    ]);
  });
});

describe('rm / rmdir / ls', () => {
  it('rm prints `PrevNode.Value: <old>`; a directory prints nothing', async () => {
    const t = cluster((req) =>
      req.path === '/v2/keys/k'
        ? etcdJson(200, '{"action":"delete","node":{"key":"/k","modifiedIndex":10,"createdIndex":8},"prevNode":{"key":"/k","value":"bar","modifiedIndex":8,"createdIndex":8}}\n', 10)
        : etcdJson(200, '{"action":"delete","node":{"key":"/d","dir":true,"modifiedIndex":11,"createdIndex":9},"prevNode":{"key":"/d","dir":true,"modifiedIndex":9,"createdIndex":9}}\n', 11),
    );
    expect(await t.run('core-01', ['rm', '/k'])).toMatchObject({ stdout: 'PrevNode.Value: bar\n', code: 0 });
    expect(await t.run('core-01', ['rm', '-r', '/d'])).toMatchObject({ stdout: '', code: 0 });
    expect(await t.run('core-01', ['rmdir', '/d'])).toMatchObject({ stdout: '', code: 0 });
    expect(keyRequests(t).map((r) => [r.method, r.query])).toEqual([
      ['DELETE', ''],
      ['DELETE', 'recursive=true'],
      ['DELETE', 'dir=true'],
    ]);
  });

  it('ls lists depth first, sorted, -p marks directories; a key lists itself', async () => {
    const tree =
      '{"action":"get","node":{"dir":true,"nodes":[{"key":"/z","value":"1","modifiedIndex":8,"createdIndex":8},' +
      '{"key":"/a","dir":true,"nodes":[{"key":"/a/c","value":"2","modifiedIndex":10,"createdIndex":10},{"key":"/a/b","dir":true,"modifiedIndex":9,"createdIndex":9}],"modifiedIndex":9,"createdIndex":9}]}}\n';
    const t = cluster((req) =>
      req.path === '/v2/keys/z' ? etcdJson(200, '{"action":"get","node":{"key":"/z","value":"1","modifiedIndex":8,"createdIndex":8}}\n', 10) : etcdJson(200, tree, 10),
    );
    expect(await t.run('core-01', ['ls', '--recursive', '-p'])).toMatchObject({ stdout: '/a/\n/a/b/\n/a/c\n/z\n', code: 0 });
    expect(keyRequests(t)[0]).toMatchObject({ path: '/v2/keys/', query: 'quorum=false&recursive=true&sorted=false' });
    expect(await t.run('core-01', ['ls', '/z'])).toMatchObject({ stdout: '/z\n' });
  });
});

describe('output formats (B.2)', () => {
  const GET = '{"action":"get","node":{"key":"/message","value":"Hello world","modifiedIndex":4,"createdIndex":4}}\n';
  it('extended', async () => {
    const t = cluster(() => etcdJson(200, GET, 4));
    expect((await t.run('core-01', ['-o', 'extended', 'get', '/message'])).stdout).toBe(
      'Key: /message\nCreated-Index: 4\nModified-Index: 4\nTTL: 0\nIndex: 4\n\nHello world\n',
    );
  });
  it('json is the Go client struct: nodes:null, prevNode:null, createdIndex first', async () => {
    const t = cluster(() => etcdJson(200, GET, 4));
    expect((await t.run('core-01', ['--output', 'json', 'get', '/message'])).stdout).toBe(
      '{"action":"get","node":{"key":"/message","value":"Hello world","nodes":null,"createdIndex":4,"modifiedIndex":4},"prevNode":null}\n',
    );
  });
  it('extended delete shows PrevNode.Value and no value block; json keeps expiration and ttl last', async () => {
    const t = cluster((req) =>
      req.method === 'DELETE'
        ? etcdJson(200, '{"action":"delete","node":{"key":"/k","modifiedIndex":10,"createdIndex":8},"prevNode":{"key":"/k","value":"bar","modifiedIndex":8,"createdIndex":8}}\n', 10)
        : etcdJson(201, '{"action":"set","node":{"key":"/t","value":"x","expiration":"2016-06-01T09:01:00.5Z","ttl":60,"modifiedIndex":11,"createdIndex":11}}\n', 11),
    );
    expect((await t.run('core-01', ['-o', 'extended', 'rm', '/k'])).stdout).toBe(
      'Key: /k\nCreated-Index: 8\nModified-Index: 10\nPrevNode.Value: bar\nTTL: 0\nIndex: 10\n',
    );
    expect((await t.run('core-01', ['-o', 'json', 'set', '/t', 'x', '--ttl', '60'])).stdout).toBe(
      '{"action":"set","node":{"key":"/t","value":"x","nodes":null,"createdIndex":11,"modifiedIndex":11,"expiration":"2016-06-01T09:01:00.5Z","ttl":60},"prevNode":null}\n',
    );
  });
  it('an unknown format is reported on stderr, exit 0', async () => {
    const t = cluster(() => etcdJson(200, GET, 4));
    expect(await t.run('core-01', ['-o', 'xml', 'get', '/message'])).toMatchObject({ stdout: '', stderr: 'Unsupported output format: xml\n', code: 0 });
  });
});

describe('--debug', () => {
  it('prints the sync steps and the cURL equivalents on stderr', async () => {
    const t = cluster(() => etcdJson(201, SET_FOO, 8));
    const r = await t.run('core-01', ['--debug', 'set', '/foo', 'bar']);
    expect(r.stdout).toBe('bar\n');
    expect(r.stderr).toBe(
      'start to sync cluster using endpoints(http://127.0.0.1:2379,http://127.0.0.1:4001)\n' +
        'cURL Command: curl -X GET http://127.0.0.1:2379/v2/members\n' +
        'got endpoints(http://172.17.8.101:2379) after sync\n' +
        'Cluster-Endpoints: http://172.17.8.101:2379\n' +
        'cURL Command: curl -X PUT http://172.17.8.101:2379/v2/keys/foo -d "value=bar"\n',
    );
  });
});
