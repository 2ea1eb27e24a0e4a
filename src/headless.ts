import { SETTLE_LIMIT_MS, SimCluster, isSettled, settle } from './cluster.ts';
import { Pump } from './driver.ts';
import * as cloudconfigModule from './cloudconfig/index.ts';
import * as cloudconfigBoot from './cloudconfig/apply.ts';
import * as shellModule from './shell/shell.ts';
import { provideCloudconfig } from './shell/commands/coreos-cloudinit.ts';
import * as etcd04Module from './etcd/v04/index.ts';
import * as etcdHttpExtras from './etcd/http-extras.ts';
import { provideCloudconfig as provideBootCloudconfig, provideEtcd04, provideEtcdHttpExtras, provideShell } from './lazy-modules.ts';

// Headless callers never wait on a chunk: every module is here up front.
provideCloudconfig(cloudconfigModule);
provideBootCloudconfig(cloudconfigBoot);
provideShell(shellModule);
provideEtcd04(etcd04Module);
provideEtcdHttpExtras(etcdHttpExtras);

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Cluster {
  readonly machines: string[];
  exec(machine: string, commandLine: string, options?: { stdin?: string; timeoutMs?: number }): Promise<ExecResult>;
  advance(ms: number): Promise<void>;
  now(): number;
  leader(): string | undefined;
  kill(machine: string): void;
  boot(machine: string): void;
  partition(...groups: string[][]): void;
  heal(): void;
  writeFile(machine: string, path: string, content: string): void;
  readFile(machine: string, path: string): string | undefined;
  addMachine(options?: { userData?: string }): Promise<string>;
}

/** A command with no timeoutMs still ends: curl to a cut-off host gives up within this. */
const DEFAULT_EXEC_TIMEOUT_MS = 10 * 60_000;

/**
 * The headless cluster: the same simulation the screen shows, driven by one pump on one
 * virtual timeline shared by every pending call.
 */
export class HeadlessCluster implements Cluster {
  readonly pump: Pump;

  constructor(readonly sim: SimCluster) {
    this.pump = new Pump(sim.world);
  }

  get machines(): string[] {
    return this.sim.machines();
  }

  exec(machine: string, commandLine: string, options: { stdin?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
    let stdout = '';
    let stderr = '';
    const world = this.sim.world;
    const cmd = this.sim.spawn(
      machine,
      commandLine,
      { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, stdin: options.stdin },
      true,
    );
    let timedOut = false;
    const timer = world.clock.schedule(() => {
      timedOut = true;
      cmd.interrupt('timeout');
    }, options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS);
    const result = cmd.done.then((code) => {
      world.clock.cancel(timer);
      return { stdout, stderr, exitCode: timedOut ? 124 : code };
    });
    // The command may end without virtual time passing: make the pump yield first (unless it
    // is yielding already: this command's start runs before it goes on).
    if (!this.pump.yielding) world.wake();
    return this.pump.hold(result);
  }

  advance(ms: number): Promise<void> {
    const world = this.sim.world;
    return this.pump.hold(
      new Promise<void>((resolve) => {
        world.clock.schedule(() => world.wake(resolve), Math.max(0, ms));
      }),
    );
  }

  now(): number {
    return this.sim.now();
  }

  leader(): string | undefined {
    return this.sim.leader();
  }

  kill(machine: string): void {
    this.sim.kill(machine);
  }

  boot(machine: string): void {
    this.sim.boot(machine);
  }

  partition(...groups: string[][]): void {
    this.sim.partition(groups);
  }

  heal(): void {
    this.sim.heal();
  }

  writeFile(machine: string, path: string, content: string): void {
    this.sim.writeFile(machine, path, content);
  }

  readFile(machine: string, path: string): string | undefined {
    return this.sim.readFile(machine, path);
  }

  /**
   * `vagrant up` of one more machine with the cluster's user-data (or `userData`). Resolves with
   * its name once it runs and, if it runs etcd, once that has settled: a proxy is up, or a member
   * has joined and applied what the leader has. If etcd cannot settle (e.g. nobody leads), it
   * resolves anyway after SETTLE_LIMIT_MS of virtual time.
   */
  async addMachine(options: { userData?: string } = {}): Promise<string> {
    const name = this.sim.addMachine(options);
    await this.pump.until(() => isSettled(this.sim, [name]), SETTLE_LIMIT_MS);
    return name;
  }
}

/**
 * Resolves once every machine has booted and etcd has settled: a leader exists and every member
 * has applied the cluster's metadata. A user-data that starts no etcd resolves once the machines
 * run. When etcd cannot form a cluster (a broken discovery, a size larger than the machines), it
 * still resolves after SETTLE_LIMIT_MS (120 s) of virtual time, with `leader()` undefined: the
 * machines are there to look into (journalctl) or to add to.
 */
export async function createCluster(options: { machines?: number; seed?: number; userData?: string } = {}): Promise<Cluster> {
  const sim = new SimCluster({ machines: options.machines, seed: options.seed, userData: options.userData, traceCapacity: 0 });
  const c = new HeadlessCluster(sim);
  await settle(sim, (cond, limit) => c.pump.until(cond, limit));
  return c;
}
