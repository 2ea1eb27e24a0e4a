import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../../src/sim/http.ts';
import { TestWorld, etcdJson, membersBody, type Route } from './harness.ts';

/**
 * How the Go client fails (B.3): connection errors during the sync end with exit 2; a member that
 * accepts but never answers (no quorum) costs the 1 s header timeout per endpoint; the 5 s total
 * timeout masks everything with `context deadline exceeded`.
 */
const IPS = ['172.17.8.101', '172.17.8.102', '172.17.8.103'];

function threeHosts() {
  const t = new TestWorld();
  IPS.forEach((ip, i) => t.addHost(`core-0${i + 1}`, ip));
  return t;
}

/** A member whose writes never commit; reads and the members list are served locally. */
function noQuorumMember(req: HttpRequest): Route | undefined {
  if (req.path === '/v2/members') return etcdJson(200, membersBody(3), 0);
  if (req.method === 'GET' && req.path.startsWith('/v2/keys'))
    return etcdJson(200, '{"action":"get","node":{"key":"/foo","value":"bar","modifiedIndex":8,"createdIndex":8}}\n', 9);
  if (req.path.startsWith('/v2/keys')) return { status: 0, hang: true };
  return undefined;
}

const REFUSED =
  'Error:  client: etcd cluster is unavailable or misconfigured\n' +
  'error #0: dial tcp 127.0.0.1:2379: getsockopt: connection refused\n' +
  'error #1: dial tcp 127.0.0.1:4001: getsockopt: connection refused\n' +
  '\n';

describe('local etcd down (connection refused)', () => {
  it('the sync fails on connection errors only: exit 2', async () => {
    const t = threeHosts();
    for (const args of [['get', '/foo'], ['set', '/foo', 'bar'], ['ls'], ['member', 'list'], ['watch', '/foo']]) {
      expect(await t.run('core-01', args)).toMatchObject({ stdout: '', stderr: REFUSED, code: 2 });
    }
  });

  it('with --no-sync the same error comes from the command itself: exit 4', async () => {
    const t = threeHosts();
    expect(await t.run('core-01', ['--no-sync', 'get', '/foo'])).toMatchObject({ stderr: REFUSED, code: 4 });
  });

  it('--endpoints replaces the defaults (and the env variables, in their order)', async () => {
    const t = threeHosts();
    const one = 'Error:  client: etcd cluster is unavailable or misconfigured\nerror #0: dial tcp 172.17.8.102:2379: getsockopt: connection refused\n\n';
    expect(await t.run('core-01', ['--endpoints', 'http://172.17.8.102:2379', 'ls'])).toMatchObject({ stderr: one, code: 2 });
    expect(await t.run('core-01', ['ls'], { env: { ETCDCTL_PEERS: 'http://172.17.8.102:2379' } })).toMatchObject({ stderr: one });
    // An endpoint without a scheme gets http:// (getEndpoints; Go 1.6's url.Parse takes host:port).
    expect(await t.run('core-01', ['-C', '172.17.8.102:2379', 'ls'])).toMatchObject({ stderr: one, code: 2 });
  });
});

describe('no quorum: the member accepts but the write never commits', () => {
  it('each endpoint exceeds the 1 s header timeout; exit 4 after ~3 s', async () => {
    const t = threeHosts();
    t.serve('core-01', 2379, noQuorumMember);
    t.serve('core-01', 4001, noQuorumMember);
    t.world.net.setUp('core-02', false);
    t.world.net.setUp('core-03', false);
    const r = await t.run('core-01', ['set', '/foo', 'bar']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'Error:  client: etcd cluster is unavailable or misconfigured\n' +
        'error #0: client: endpoint http://172.17.8.101:2379 exceeded header timeout\n' +
        'error #1: client: endpoint http://172.17.8.102:2379 exceeded header timeout\n' +
        'error #2: client: endpoint http://172.17.8.103:2379 exceeded header timeout\n' +
        '\n',
    );
    expect(r.code).toBe(4);
    expect(r.elapsed).toBeGreaterThanOrEqual(3000);
    expect(r.elapsed).toBeLessThan(3100);
  });

  it('a plain get is served by the local member', async () => {
    const t = threeHosts();
    t.serve('core-01', 2379, noQuorumMember);
    t.world.net.setUp('core-02', false);
    t.world.net.setUp('core-03', false);
    expect(await t.run('core-01', ['get', '/foo'])).toMatchObject({ stdout: 'bar\n', code: 0 });
  });

  it('--total-timeout cuts the attempt short: `context deadline exceeded`', async () => {
    const t = threeHosts();
    t.serve('core-01', 2379, noQuorumMember);
    t.world.net.setUp('core-02', false);
    t.world.net.setUp('core-03', false);
    const r = await t.run('core-01', ['--total-timeout', '1500ms', 'set', '/foo', 'bar']);
    expect(r).toMatchObject({ stdout: '', stderr: 'Error:  context deadline exceeded\n', code: 4 });
    expect(r.elapsed).toBeLessThan(1600);
  });

  it('--timeout lengthens the per-endpoint wait, until the 5 s total runs out mid-attempt', async () => {
    const t = threeHosts();
    t.serve('core-01', 2379, noQuorumMember);
    t.world.net.setUp('core-02', false);
    t.world.net.setUp('core-03', false);
    // 2 s + 2 s, then the third attempt is cut by the total timeout: the context error masks the rest.
    const r = await t.run('core-01', ['--timeout', '2s', 'set', '/foo', 'bar']);
    expect(r).toMatchObject({ stderr: 'Error:  context deadline exceeded\n', code: 4 });
    expect(r.elapsed).toBeGreaterThanOrEqual(5000);
    expect(r.elapsed).toBeLessThan(5100);
  });
});

describe('a member host is off', () => {
  it('the next endpoint answers after the dead one times out', async () => {
    const t = threeHosts();
    t.world.net.setUp('core-01', false);
    const member = (req: HttpRequest): Route | undefined =>
      req.path === '/v2/members'
        ? etcdJson(200, membersBody(3), 0)
        : etcdJson(201, '{"action":"set","node":{"key":"/foo","value":"bar","modifiedIndex":9,"createdIndex":9}}\n', 9);
    t.serve('core-02', 2379, member);
    const r = await t.run('core-02', ['set', '/foo', 'bar']);
    expect(r).toMatchObject({ stdout: 'bar\n', stderr: '', code: 0 });
    expect(r.elapsed).toBeGreaterThanOrEqual(1000);
  });

  it('a 5xx answer counts as "has no leader"', async () => {
    const t = threeHosts();
    t.serve('core-01', 2379, (req) =>
      req.path === '/v2/members' ? etcdJson(200, membersBody(1), 0) : { status: 500, body: '{"message":"Internal Server Error"}' },
    );
    const r = await t.run('core-01', ['set', '/foo', 'bar']);
    expect(r).toMatchObject({
      stderr: 'Error:  client: etcd cluster is unavailable or misconfigured\nerror #0: client: etcd member http://172.17.8.101:2379 has no leader\n\n',
      code: 4,
    });
  });

  it('members without client URLs: the sync has no endpoints', async () => {
    const t = threeHosts();
    t.serve('core-01', 2379, () =>
      etcdJson(200, '{"members":[{"id":"6e3bd23ae5f1eae0","name":"","peerURLs":["http://172.17.8.101:2380"],"clientURLs":[]}]}\n', 0),
    );
    const r = await t.run('core-01', ['ls']);
    expect(r.stderr).toBe(
      'etcd cluster has no published client endpoints.\n' +
        "Try '--no-sync' if you want to access non-published client endpoints(http://127.0.0.1:2379,http://127.0.0.1:4001).\n" +
        'Error:  client: no endpoints available\n',
    );
    expect(r.code).toBe(4);
  });
});

describe('cluster-health (B.6)', () => {
  function healthCluster(health: string, status = 200) {
    const t = threeHosts();
    const local = (req: HttpRequest): Route | undefined => {
      if (req.path === '/v2/members') return etcdJson(200, membersBody(3), 0);
      if (req.path === '/health') return { status, body: health, headers: [['Content-Type', 'text/plain; charset=utf-8']] };
      return undefined;
    };
    t.serve('core-01', 2379, local);
    t.serve('core-01', 4001, local);
    t.world.net.setUp('core-02', false); // off: no route to host
    return t; // core-03 is up with nothing listening: connection refused
  }

  it('healthy if any member is; unreachable members are explained', async () => {
    const r = await healthCluster('{"health": "true"}').run('core-01', ['cluster-health']);
    expect(r.stdout).toBe(
      'member 6e3bd23ae5f1eae0 is healthy: got healthy result from http://172.17.8.101:2379\n' +
        'failed to check the health of member 924e2e83e93f2560 on http://172.17.8.102:2379: Get http://172.17.8.102:2379/health: dial tcp 172.17.8.102:2379: getsockopt: no route to host\n' +
        'member 924e2e83e93f2560 is unreachable: [http://172.17.8.102:2379] are all unreachable\n' +
        'failed to check the health of member a8266ecf031671f3 on http://172.17.8.103:2379: Get http://172.17.8.103:2379/health: dial tcp 172.17.8.103:2379: getsockopt: connection refused\n' +
        'member a8266ecf031671f3 is unreachable: [http://172.17.8.103:2379] are all unreachable\n' +
        'cluster is healthy\n',
    );
    expect(r.code).toBe(0);
  });

  it('unhealthy: exit 5', async () => {
    const r = await healthCluster('{"health": "false"}\n', 503).run('core-01', ['cluster-health']);
    expect(r.stdout.split('\n')[0]).toBe('member 6e3bd23ae5f1eae0 is unhealthy: got unhealthy result from http://172.17.8.101:2379');
    expect(r.stdout.endsWith('cluster is unhealthy\n')).toBe(true);
    expect(r.code).toBe(5);
  });

  it('cannot list members: a line on stdout, the error on stderr, exit 4', async () => {
    const r = await threeHosts().run('core-01', ['cluster-health']);
    expect(r).toMatchObject({ stdout: 'cluster may be unhealthy: failed to list members\n', stderr: REFUSED, code: 4 });
  });

  it('--forever repeats every 10 s until Ctrl-C, which exits 0', async () => {
    const t = healthCluster('{"health": "true"}');
    t.world.net.setUp('core-02', true);
    const r = await t.run('core-01', ['cluster-health', '--forever'], { interruptAfterMs: 15_000 });
    expect(r.code).toBe(0);
    expect(r.stdout.split('cluster is healthy\n\nnext check after 10 second...\n\n').length).toBe(3);
  });
});
