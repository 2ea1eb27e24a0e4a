import { worldServices } from '../../src/host/world-services.ts';
import { World } from '../../src/sim/world.ts';
import { FileSystem } from '../../src/host/filesystem.ts';
import { installCoreosFiles } from '../../src/host/coreos-files.ts';
import type { HttpHandler } from '../../src/sim/http.ts';
import type { HostContext } from '../../src/shell/process.ts';
import { Shell, type ShellOptions } from '../../src/shell/shell.ts';

/** A world with one CoreOS host (core-01 at 172.17.8.101) and its login shell, for shell tests. */

export interface RunResult {
  stdout: string;
  stderr: string;
  /** undefined: still running when the limit came. */
  code: number | undefined;
  /** Virtual ms the line took. */
  elapsed: number;
}

export interface RunOptions {
  stdin?: string;
  /** Ctrl-C after this many virtual ms. */
  interruptAfterMs?: number;
  interruptReason?: 'SIGINT' | 'SIGTERM' | 'timeout';
  /** Stop driving after this many virtual ms (code stays undefined). */
  limitMs?: number;
  /** Callbacks at virtual ms offsets from the start (change the world mid-command). */
  at?: [number, () => void][];
  /** Pretend stdout is not a terminal (as when the output is piped). */
  stdoutIsPipe?: boolean;
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

export class ShellHarness {
  readonly world: World;
  readonly hosts = new Map<string, HostContext>();
  readonly host: HostContext;
  readonly shell: Shell;
  /** What the running line has written so far (for checks in the middle of a command). */
  live = { stdout: '', stderr: '' };

  constructor(opts: { seed?: number; jitterMs?: number; shell?: ShellOptions } = {}) {
    this.world = new World({ seed: opts.seed ?? 5 });
    this.world.net.configure({ jitterMs: opts.jitterMs ?? 0 });
    this.host = this.addHost('core-01', '172.17.8.101');
    installCoreosFiles(this.host.fs, 'core-01', '172.17.8.101');
    this.shell = new Shell(this.host, opts.shell);
  }

  /** A machine on the network (up unless told otherwise). */
  addHost(name: string, ip: string, up = true): HostContext {
    const w = this.world;
    w.net.addAddress(ip, name);
    w.net.setUp(name, up);
    const ctx: HostContext = {
      name,
      ip,
      fs: new FileSystem(),
      ...worldServices(w, name),
    };
    this.hosts.set(name, ctx);
    return ctx;
  }

  serve(host: string, port: number, handler: HttpHandler): () => void {
    return this.world.http.listen(host, port, handler);
  }

  /** Runs a line in core-01's shell, driving virtual time until it ends. */
  async run(line: string, opts: RunOptions = {}): Promise<RunResult> {
    let stdout = '';
    let stderr = '';
    this.live = { stdout: '', stderr: '' };
    const live = this.live;
    const ctl = this.shell.createSignal();
    const start = this.world.now();
    let code: number | undefined;
    let settled = false;
    let endedAt = 0;
    const write = (s: string) => {
      stdout += s;
      live.stdout += s;
    };
    const out = { write, ...(opts.stdoutIsPipe ? { isTTY: false } : {}) };
    const err = {
      write: (s: string) => {
        stderr += s;
        live.stderr += s;
      },
    };
    void this.shell.run(line, { stdin: opts.stdin, stdout: out, stderr: err, signal: ctl }).then((c) => {
      code = c;
      settled = true;
      endedAt = this.world.now();
    });
    const timers = [...(opts.at ?? [])];
    if (opts.interruptAfterMs !== undefined) timers.push([opts.interruptAfterMs, () => ctl.interrupt(opts.interruptReason ?? 'SIGINT')]);
    for (const [ms, fn] of timers) this.world.clock.schedule(fn, ms);
    const end = start + (opts.limitMs ?? 600_000);
    await yieldNow();
    while (!settled && this.world.now() < end) {
      await this.world.runUntil(Math.min(end, this.world.now() + 5), yieldNow);
      await yieldNow();
    }
    return { stdout, stderr, code, elapsed: (settled ? endedAt : this.world.now()) - start };
  }
}

/** Fixed 10 ms one-way latency (jitter 0): a request/response takes 20 ms on the wire. */
export const RTT_MS = 20;
