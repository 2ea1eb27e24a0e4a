import { World } from '../../../../src/sim/world.ts';
import { FileSystem } from '../../../../src/host/filesystem.ts';
import type { HttpRequest, HttpResponseWriter } from '../../../../src/sim/http.ts';
import type { HostContext, Process, SignalName } from '../../../../src/shell/process.ts';
import { etcdctl } from '../../../../src/shell/commands/etcdctl/index.ts';
import { worldServices } from '../../../../src/host/world-services.ts';

/** A small world for etcdctl unit tests: hosts on the simulated network, fake etcd servers. */

export interface Route {
  status: number;
  body?: string;
  headers?: [string, string][];
  /** Never answer (a member without quorum). */
  hang?: boolean;
  /** Answer with the head at once and the body after this many ms (a watch). */
  bodyAfterMs?: number;
}

export type Router = (req: HttpRequest) => Route | undefined;

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | undefined;
  /** Virtual ms the command took. */
  elapsed: number;
  ran: { line: string; env: Map<string, string> }[];
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
  /** Send SIGINT after this many virtual ms. */
  interruptAfterMs?: number;
  /** Give up (code undefined) after this many virtual ms. */
  limitMs?: number;
  /** Called this many ms after start (e.g. to change the world mid-watch). */
  at?: [number, () => void][];
  /** Program names exec.LookPath does not find (the rest it does). */
  notOnPath?: string[];
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

export class TestWorld {
  readonly world = new World({ seed: 7 });

  constructor() {
    // Fixed latency, so the tests can state elapsed times exactly.
    this.world.net.configure({ jitterMs: 0 });
  }

  readonly requests: { host: string; port: number; req: HttpRequest }[] = [];
  private contexts = new Map<string, HostContext>();

  addHost(name: string, ip: string): HostContext {
    const w = this.world;
    w.net.addAddress(ip, name);
    w.net.setUp(name, true);
    const ctx: HostContext = {
      name,
      ip,
      fs: new FileSystem(),
      ...worldServices(w, name),
    };
    this.contexts.set(name, ctx);
    return ctx;
  }

  /** Serves `router` on host:port; unknown routes get etcd's text 404. */
  serve(host: string, port: number, router: Router): () => void {
    return this.world.http.listen(host, port, (req: HttpRequest, res: HttpResponseWriter) => {
      this.requests.push({ host, port, req });
      const r = router(req) ?? { status: 404, body: '404 page not found\n', headers: [['Content-Type', 'text/plain; charset=utf-8']] };
      if (r.hang) return;
      res.writeHead(r.status, r.headers ?? [['Content-Type', 'application/json']]);
      if (r.bodyAfterMs !== undefined) this.world.clock.setTimeout(() => res.end(r.body ?? ''), r.bodyAfterMs);
      else res.end(r.body ?? '');
    });
  }

  /** Runs `etcdctl <args>` on a host until it exits (or the limit). */
  run(host: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
    return runEtcdctl(this.world, this.contexts.get(host)!, args, opts);
  }
}

/** A started etcdctl: `result()` is its output so far and its code once it ended. */
export interface Spawned {
  settled(): boolean;
  result(): RunResult;
}

/** Drives `world` (yielding to continuations) until `done()` or `limitMs` of virtual time. */
export async function drive(world: World, done: () => boolean, limitMs = 120_000): Promise<void> {
  const end = world.now() + limitMs;
  while (!done() && world.now() < end) {
    await yieldNow();
    if (done()) break;
    await world.runUntil(Math.min(end, world.now() + 5), yieldNow);
  }
  await yieldNow();
}

/** Runs `etcdctl <args>` on a host of `world` until it exits (or the limit), driving virtual time. */
export async function runEtcdctl(world: World, ctx: HostContext, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const p = spawnEtcdctl(world, ctx, args, opts);
  await drive(world, p.settled, opts.limitMs);
  return p.result();
}

/** Starts `etcdctl <args>` without driving the world. */
export function spawnEtcdctl(world: World, ctx: HostContext, args: string[], opts: RunOptions = {}): Spawned {
  let stdout = '';
  let stderr = '';
  const ran: RunResult['ran'] = [];
  const abortCbs: ((r: SignalName) => void)[] = [];
  const signal = {
    aborted: false,
    reason: undefined as SignalName | undefined,
    onAbort(cb: (r: SignalName) => void) {
      abortCbs.push(cb);
      return () => {
        const i = abortCbs.indexOf(cb);
        if (i >= 0) abortCbs.splice(i, 1);
      };
    },
  };
  const proc: Process = {
    argv: ['etcdctl', ...args],
    env: new Map(Object.entries(opts.env ?? {})),
    cwd: '/home/core',
    stdin: {
      isTTY: opts.stdin === undefined,
      read: async () => null,
      readAll: async () => opts.stdin ?? '',
    },
    stdout: { write: (s) => (stdout += s) },
    stderr: { write: (s) => (stderr += s) },
    host: ctx,
    signal,
    sleep: (ms) =>
      new Promise<boolean>((resolve) => {
        const cancel = ctx.setTimer(() => ctx.wake(() => resolve(true)), ms);
        signal.onAbort(() => {
          cancel();
          ctx.wake(() => resolve(false));
        });
      }),
    run: async (line, env) => {
      ran.push({ line, env: env ?? new Map() });
      return 0;
    },
    lookPath: (name) => !(opts.notOnPath ?? []).includes(name),
  };
  const start = world.now();
  let code: number | undefined;
  let settled = false;
  const done = etcdctl(proc).then((c) => {
    code = c;
    settled = true;
  });
  const timers = [...(opts.at ?? [])];
  if (opts.interruptAfterMs !== undefined) {
    timers.push([
      opts.interruptAfterMs,
      () => {
        signal.aborted = true;
        signal.reason = 'SIGINT';
        for (const cb of [...abortCbs]) cb('SIGINT');
      },
    ]);
  }
  for (const [ms, fn] of timers) world.clock.setTimeout(fn, ms);
  let ended = start;
  void done.then(() => (ended = world.now()));
  return {
    settled: () => settled,
    result: () => ({ stdout, stderr, code, elapsed: (settled ? ended : world.now()) - start, ran }),
  };
}

/** An etcd JSON reply with the headers etcd 2.3 sends. */
export function etcdJson(status: number, body: string, index: number): Route {
  return {
    status,
    body,
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Etcd-Cluster-Id', '7e27652122e8b2ae'],
      ['X-Etcd-Index', String(index)],
    ],
  };
}

/** `GET /v2/members` of a coreos-vagrant cluster with `n` members. */
export function membersBody(n: number): string {
  const ids = ['6e3bd23ae5f1eae0', '924e2e83e93f2560', 'a8266ecf031671f3'];
  const ms = Array.from({ length: n }, (_, i) => ({
    id: ids[i],
    name: `core-0${i + 1}`,
    peerURLs: [`http://172.17.8.10${i + 1}:2380`],
    clientURLs: [`http://172.17.8.10${i + 1}:2379`],
  }));
  return JSON.stringify({ members: ms }) + '\n';
}
