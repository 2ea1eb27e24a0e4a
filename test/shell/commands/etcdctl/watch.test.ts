import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../../src/sim/http.ts';
import { TestWorld, etcdJson, membersBody, type Route } from './harness.ts';

/** watch and exec-watch (B.4, B.5) against a fake member that answers each wait after 500 ms. */

function watching(events: string[]) {
  const t = new TestWorld();
  t.addHost('core-01', '172.17.8.101');
  let next = 0;
  const router = (req: HttpRequest): Route | undefined => {
    if (req.path === '/v2/members') return etcdJson(200, membersBody(1), 0);
    if (!req.query.includes('wait=true')) return undefined;
    const body = events[next++];
    if (body === undefined) return { ...etcdJson(200, '', 20), hang: true };
    return { ...etcdJson(200, body, 8), bodyAfterMs: 500 };
  };
  t.serve('core-01', 2379, router);
  t.serve('core-01', 4001, router);
  return t;
}

const ev = (action: string, key: string, value: string, index: number, prev?: string) =>
  JSON.stringify({
    action,
    node: action === 'delete' ? { key, modifiedIndex: index, createdIndex: 9 } : { key, value, modifiedIndex: index, createdIndex: 9 },
    ...(prev !== undefined ? { prevNode: { key, value: prev, modifiedIndex: index - 1, createdIndex: 9 } } : {}),
  }) + '\n';

const waits = (t: TestWorld) => t.requests.filter((r) => r.req.query.includes('wait=true')).map((r) => r.req.query);

describe('watch', () => {
  it('one-shot: prints the first change and exits 0', async () => {
    const t = watching([ev('set', '/w', 'hello', 9)]);
    const r = await t.run('core-01', ['watch', '/w']);
    expect(r).toMatchObject({ stdout: 'hello\n', stderr: '', code: 0 });
    expect(waits(t)).toEqual(['recursive=false&wait=true&waitIndex=0']);
  });

  it('--recursive heads each event with [action] key', async () => {
    const t = watching([ev('set', '/wd/child', 'v1', 9)]);
    expect(await t.run('core-01', ['watch', '--recursive', '/wd'])).toMatchObject({ stdout: '[set] /wd/child\nv1\n', code: 0 });
  });

  it('--forever follows the index and stops with Ctrl-C, exit 0; directory events print nothing', async () => {
    const t = watching([
      ev('set', '/wr/x', '1', 9),
      ev('update', '/wr/x', '2', 10, '1'),
      JSON.stringify({ action: 'create', node: { key: '/wr/sub', dir: true, modifiedIndex: 11, createdIndex: 11 } }),
      ev('delete', '/wr/x', '', 12, '2'),
    ]);
    const r = await t.run('core-01', ['watch', '--forever', '--recursive', '/wr'], { interruptAfterMs: 5000 });
    expect(r.stdout).toBe('[set] /wr/x\n1\n[update] /wr/x\n2\n[delete] /wr/x\nPrevNode.Value: 2\n');
    expect(r.code).toBe(0);
    expect(waits(t)).toEqual([
      'recursive=true&wait=true&waitIndex=0',
      'recursive=true&wait=true&waitIndex=10',
      'recursive=true&wait=true&waitIndex=11',
      'recursive=true&wait=true&waitIndex=12',
      'recursive=true&wait=true&waitIndex=13',
    ]);
  });

  it('an expired key prints an empty line; --after-index asks from the next index', async () => {
    const t = watching(['{"action":"expire","node":{"key":"/t","modifiedIndex":32,"createdIndex":31},"prevNode":{"key":"/t","value":"bar","modifiedIndex":31,"createdIndex":31}}\n']);
    expect(await t.run('core-01', ['watch', '--after-index', '30', '/t'])).toMatchObject({ stdout: '\n', code: 0 });
    expect(waits(t)).toEqual(['recursive=false&wait=true&waitIndex=31']);
  });

  it('a wait is not subject to the header timeout', async () => {
    const t = watching([]);
    const r = await t.run('core-01', ['watch', '/w'], { interruptAfterMs: 20_000 });
    expect(r).toMatchObject({ stdout: '', stderr: '', code: 0 });
    expect(r.elapsed).toBe(20_000);
  });

  it('key required', async () => {
    expect(await watching([]).run('core-01', ['watch'])).toMatchObject({ stderr: 'Error:  key required\n', code: 1 });
  });

  it('an outdated index is an etcd error, exit 4', async () => {
    const t = new TestWorld();
    t.addHost('core-01', '172.17.8.101');
    t.serve('core-01', 2379, (req) =>
      req.path === '/v2/members'
        ? etcdJson(200, membersBody(1), 0)
        : etcdJson(400, '{"errorCode":401,"message":"The event in requested index is outdated and cleared","cause":"the requested history has been cleared [1008/7]","index":2007}\n', 2007),
    );
    expect(await t.run('core-01', ['watch', '--after-index', '6', '/k'])).toMatchObject({
      stderr: 'Error:  401: The event in requested index is outdated and cleared (the requested history has been cleared [1008/7]) [2007]\n',
      code: 4,
    });
  });
});

describe('exec-watch', () => {
  it('runs the command for each change with ETCD_WATCH_* in its environment', async () => {
    const t = watching([ev('set', '/foo', 'one', 9), ev('set', '/foo', 'two words', 10)]);
    const r = await t.run('core-01', ['exec-watch', '/foo', '--', 'sh', '-c', 'echo $ETCD_WATCH_VALUE'], { interruptAfterMs: 3000, env: { HOME: '/home/core' } });
    expect(r.code).toBe(0);
    expect(r.ran.map((x) => x.line)).toEqual(["sh -c 'echo $ETCD_WATCH_VALUE'", "sh -c 'echo $ETCD_WATCH_VALUE'"]);
    expect(Object.fromEntries(r.ran[1]!.env)).toEqual({
      HOME: '/home/core',
      ETCD_WATCH_ACTION: 'set',
      ETCD_WATCH_MODIFIED_INDEX: '10',
      ETCD_WATCH_KEY: '/foo',
      ETCD_WATCH_VALUE: 'two words',
    });
  });

  it('flags before the key work too', async () => {
    const t = watching([ev('set', '/foo/a', 'x', 9)]);
    const r = await t.run('core-01', ['exec-watch', '--recursive', '/foo', '--', 'echo', 'hi'], { interruptAfterMs: 1000 });
    expect(r.ran.map((x) => x.line)).toEqual(['echo hi']);
    expect(waits(t)[0]).toBe('recursive=true&wait=true&waitIndex=0');
  });

  it('a program not on $PATH: at the first change, the error of exec.Command (no newline), exit 1', async () => {
    const t = watching([ev('set', '/foo', 'one', 9), ev('set', '/foo', 'two', 10)]);
    const r = await t.run('core-01', ['exec-watch', '/foo', '--', 'nosuchcmd', 'arg'], { interruptAfterMs: 3000, notOnPath: ['nosuchcmd'] });
    expect(r).toMatchObject({ stdout: '', stderr: 'exec: "nosuchcmd": executable file not found in $PATH', code: 1, ran: [] });
  });

  it('needs a key and a command', async () => {
    expect(await watching([]).run('core-01', ['exec-watch', '/foo'])).toMatchObject({
      stderr: 'Error:  key and command to exec required\n',
      code: 1,
    });
  });
});
