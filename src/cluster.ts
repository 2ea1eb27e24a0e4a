import { World } from './sim/world.ts';
import type { TraceEvent, WorldInput } from './sim/trace.ts';
import { Host } from './host/host.ts';
import { EtcdServer, type EtcdDisk } from './etcd/server.ts';
import { vagrantEtcdConfig } from './etcd/config.ts';
import { Shell } from './shell/shell.ts';
import type { OutputStream } from './shell/process.ts';
import type { ClusterSnapshot } from './snapshot.ts';
import type { RunningCommand, SimClusterApi } from './cluster-api.ts';
import { yieldToEventLoop } from './driver.ts';
import { installCoreosFiles } from './host/coreos-files.ts';

export interface SimClusterOptions {
  machines?: number;
  seed?: number;
  userData?: string;
  traceCapacity?: number;
}

/** coreos-vagrant's naming: core-01 at 172.17.8.101, ... */
export const machineName = (i: number) => `core-${String(i).padStart(2, '0')}`;
export const machineIp = (i: number) => `172.17.8.${100 + i}`;

interface MachineRecord {
  host: Host;
  etcd: EtcdServer;
  disk: { etcd?: EtcdDisk };
  shell: Shell;
}

/** `vagrant ssh` to a machine that is not running. */
const VM_NOT_RUNNING = 'VM must be running to open SSH connection. Run `vagrant up`\nto start the virtual machine.\n';

/**
 * A whole coreos-vagrant cluster in one world. Every mutation goes through an input, recorded
 * in the trace with its virtual time (DESIGN principle 3).
 */
export class SimCluster implements SimClusterApi {
  readonly world: World;
  private records = new Map<string, MachineRecord>();
  private pidSeq = 0;

  constructor(opts: SimClusterOptions = {}) {
    this.world = new World({ seed: opts.seed ?? 1, traceCapacity: opts.traceCapacity });
    const n = opts.machines ?? 3;
    const all = Array.from({ length: n }, (_, i) => ({ name: machineName(i + 1), ip: machineIp(i + 1) }));
    for (const m of all) this.addHost(m.name, m.ip, all);
  }

  get seed(): number {
    return this.world.seed;
  }

  private addHost(name: string, ip: string, initial: { name: string; ip: string }[]): MachineRecord {
    const host = new Host(this.world, name, ip);
    installCoreosFiles(host.fs, name, ip);
    const disk: { etcd?: EtcdDisk } = {};
    const etcd = new EtcdServer(this.world, name, vagrantEtcdConfig(name, ip, initial), disk);
    host.addService(etcd);
    const shell = new Shell(host.context);
    const rec = { host, etcd, disk, shell };
    this.records.set(name, rec);
    host.boot();
    return rec;
  }

  machines(): string[] {
    return [...this.records.keys()];
  }

  host(name: string): Host {
    return this.record(name).host;
  }

  etcd(name: string): EtcdServer {
    return this.record(name).etcd;
  }

  private record(name: string): MachineRecord {
    const r = this.records.get(name);
    if (!r) throw new Error(`no such machine: ${name}`);
    return r;
  }

  now(): number {
    return this.world.now();
  }

  input(i: WorldInput): void {
    this.world.trace.emit({ t: this.world.now(), type: 'input', input: i });
  }

  runUntil(t: number): Promise<void> {
    return this.world.runUntil(t, yieldToEventLoop);
  }

  async step(): Promise<number | undefined> {
    const ran = this.world.clock.step();
    while (this.world.takeWake()) await yieldToEventLoop();
    return ran ? this.world.now() : undefined;
  }

  /** The machine whose etcd member leads; with two claimants (a stale one cut off), the higher term. */
  leader(): string | undefined {
    let best: { name: string; term: number } | undefined;
    for (const [name, r] of this.records) {
      if (!r.host.isRunning() || !r.etcd.isLeader()) continue;
      const term = r.etcd.raftTerm();
      if (!best || term > best.term) best = { name, term };
    }
    return best?.name;
  }

  snapshot(): ClusterSnapshot {
    const net = this.world.net.config;
    return {
      now: this.world.now(),
      machines: [...this.records.values()].map((r) => ({
        name: r.host.name,
        ip: r.host.ip,
        power: r.host.powerState(),
        etcd: r.disk.etcd ? r.etcd.view() : undefined,
      })),
      partitions: this.partitions,
      net: { latencyMs: net.latencyMs, jitterMs: net.jitterMs, loss: net.loss },
    };
  }

  private partitions: string[][] = [];

  subscribe(listener: (e: TraceEvent) => void): () => void {
    return this.world.trace.subscribe(listener);
  }

  recentTrace(): readonly TraceEvent[] {
    return this.world.trace.recent();
  }

  kill(machine: string): void {
    this.input({ kind: 'kill', machine });
    this.record(machine).host.kill();
  }

  boot(machine: string): void {
    this.input({ kind: 'boot', machine });
    this.record(machine).host.boot();
  }

  partition(groups: string[][]): void {
    this.input({ kind: 'partition', groups });
    this.partitions = groups.map((g) => [...g]);
    this.world.net.partition(groups);
  }

  heal(): void {
    this.input({ kind: 'heal' });
    this.partitions = [];
    this.world.net.heal();
  }

  setNetwork(c: { loss?: number; latencyMs?: number; jitterMs?: number }): void {
    this.input({ kind: 'net', ...c });
    this.world.net.configure(c);
  }

  readFile(machine: string, path: string): string | undefined {
    return this.record(machine).host.fs.read(path);
  }

  writeFile(machine: string, path: string, content: string): void {
    this.input({ kind: 'writeFile', machine, path, content });
    this.record(machine).host.fs.write(path, content);
  }

  complete(machine: string, lineBeforeCursor: string): string[] {
    return this.record(machine).shell.completions(lineBeforeCursor);
  }

  /**
   * Runs a command line in a machine's login shell (the terminal's, which keeps its variables).
   * `fresh` uses a new shell, as `vagrant ssh -c` would.
   */
  spawn(
    machine: string,
    line: string,
    io: { stdout: OutputStream; stderr: OutputStream; stdin?: string },
    fresh = false,
  ): RunningCommand {
    const pid = ++this.pidSeq;
    this.input({ kind: 'exec', machine, line, pid });
    const rec = this.record(machine);
    if (!rec.host.isRunning()) {
      io.stderr.write(VM_NOT_RUNNING);
      return { done: Promise.resolve(1), interrupt: () => undefined };
    }
    const shell = fresh ? new Shell(rec.host.context) : rec.shell;
    const ctl = shell.createSignal();
    const offDown = rec.host.onDown(() => ctl.interrupt('SIGTERM'));
    const done = shell
      .run(line, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, signal: ctl.signal })
      .finally(offDown);
    return {
      done,
      interrupt: (reason = 'SIGINT') => {
        this.input({ kind: 'signal', machine, pid, signal: reason });
        ctl.interrupt(reason);
      },
    };
  }
}

/** Builds a cluster and runs it until every machine has booted and etcd has settled. */
export async function createSimCluster(opts: SimClusterOptions = {}): Promise<SimCluster> {
  const c = new SimCluster(opts);
  await settle(c, (fn, limit) => runWhile(c, fn, limit));
  return c;
}

/** Runs the world until `cond` or `limitMs` of virtual time passes; used before any caller waits. */
async function runWhile(c: SimCluster, cond: () => boolean, limitMs: number): Promise<void> {
  const end = c.now() + limitMs;
  while (!cond() && c.now() < end) await c.runUntil(Math.min(end, c.now() + 50));
}

/**
 * A fresh cluster is ready when all machines run, a leader exists, and the leader has applied
 * every member's attributes and the cluster version (store index 2N+1 on a new cluster).
 */
export async function settle(c: SimCluster, run: (cond: () => boolean, limitMs: number) => Promise<unknown>): Promise<void> {
  const ready = () => {
    const l = c.leader();
    if (!l) return false;
    if (!c.machines().every((m) => c.host(m).isRunning())) return false;
    const ms = c.etcd(l).membership;
    if (ms.version === undefined || !ms.list().every((m) => m.name !== '')) return false;
    // Every member has applied the same metadata (followers learn the commit with a heartbeat).
    const index = c.etcd(l).store.index();
    return c.machines().every((m) => c.etcd(m).store.index() === index);
  };
  await run(ready, 120_000);
}
