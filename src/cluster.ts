import { World } from './sim/world.ts';
import type { TraceEvent, WorldInput } from './sim/trace.ts';
import { Host, defaultMachineId } from './host/host.ts';
import { EtcdServer } from './etcd/server.ts';
import type { EtcdConfig } from './etcd/config.ts';
import type { EtcdDataDir } from './etcd/startup.ts';
import { DiscoveryService } from './etcd/discovery/service.ts';
import type { OutputStream } from './shell/process.ts';
import type { Shell } from './shell/shell.ts';
import type { ClusterSnapshot, DiscoveryView, MachineSnapshot } from './snapshot.ts';
import type { AddMachineOptions, RecreateOptions, RunningCommand, SimClusterApi } from './cluster-api.ts';
import { yieldToEventLoop } from './driver.ts';
import { installCoreosFiles, installVagrantOem } from './host/coreos-files.ts';
import { EtcdUnit } from './host/etcd-unit.ts';
import { CloudinitBoot, EDITABLE_USER_DATA, VAGRANT_USER_DATA } from './host/cloudinit.ts';
import { staticUserData, vagrantUserData } from './host/vagrant-user-data.ts';
import { cloudconfigModule, loadCloudconfig, shellModule } from './lazy-modules.ts';

export { loadShell, provideShell, loadCloudconfig, provideCloudconfig, loadEtcd04, loadEtcdHttpExtras } from './lazy-modules.ts';

export interface SimClusterOptions {
  machines?: number;
  seed?: number;
  /** Cloud-config for every machine; default: coreos-vagrant's, with a fresh discovery URL. */
  userData?: string;
  traceCapacity?: number;
}

/** coreos-vagrant's naming: core-01 at 172.17.8.101, ... */
export const machineName = (i: number) => `core-${String(i).padStart(2, '0')}`;
export const machineIp = (i: number) => `172.17.8.${100 + i}`;

/** User-data bootstrapping `machines` coreos-vagrant machines statically, members named core-0N. */
export function staticClusterUserData(machines: number): string {
  return staticUserData(Array.from({ length: machines }, (_, i) => ({ name: machineName(i + 1), ip: machineIp(i + 1) })));
}

export type EtcdMode = 'member' | 'proxy' | 'pending' | 'none';

interface MachineRecord {
  index: number;
  host: Host;
  etcd2: EtcdUnit;
  etcd04: EtcdUnit;
  shell?: Shell;
}

/** `vagrant ssh` to a machine that is not running. */
const VM_NOT_RUNNING = 'VM must be running to open SSH connection. Run `vagrant up`\nto start the virtual machine.\n';

/**
 * A whole coreos-vagrant cluster in one world. Every machine boots from its cloud-config; every
 * mutation goes through an input, recorded in the trace with its virtual time (DESIGN principle 3).
 * The cloudconfig module must be loaded first (`createSimCluster` does it; headless.ts provides it).
 */
export class SimCluster implements SimClusterApi {
  readonly world: World;
  readonly discoveryService: DiscoveryService;
  private records = new Map<string, MachineRecord>();
  /** `machines()` as of the last change to `records` (headless callers ask every step). */
  private names: string[] | undefined;
  private pidSeq = 0;
  /** How many VMs were ever created: each gets a machine ID of its own. */
  private vmSeq = 0;
  /** The user-data `vagrant up` gives machines (the one the cluster was created or recreated with). */
  private userData: string;

  constructor(opts: SimClusterOptions = {}) {
    if (!cloudconfigModule()) throw new Error('SimCluster: the cloudconfig module is not loaded (await loadCloudconfig() first, or use createSimCluster)');
    this.world = new World({ seed: opts.seed ?? 1, traceCapacity: opts.traceCapacity });
    this.discoveryService = new DiscoveryService(this.world);
    const n = opts.machines ?? 3;
    this.userData = opts.userData ?? vagrantUserData(this.discoveryService.newToken(n));
    for (let i = 1; i <= n; i++) this.addHost(i, this.userData);
  }

  get seed(): number {
    return this.world.seed;
  }

  /** `vagrant up` of one VM: a fresh disk with the user-data provisioned, then power on. */
  private addHost(index: number, userData: string): MachineRecord {
    const name = machineName(index);
    const ip = machineIp(index);
    const machineId = defaultMachineId(`${this.world.seed}:${++this.vmSeq}:${name}`);
    const host = new Host(this.world, name, ip, machineId);
    installCoreosFiles(host.fs, name, ip, machineId);
    installVagrantOem(host.fs);
    host.fs.write(VAGRANT_USER_DATA, userData);
    host.fs.write(EDITABLE_USER_DATA, userData);
    const make = (config: EtcdConfig, disk: EtcdDataDir) => new EtcdServer(this.world, name, config, disk, host);
    const rec: MachineRecord = {
      index,
      host,
      etcd2: new EtcdUnit(host, 'etcd2.service', make),
      etcd04: new EtcdUnit(host, 'etcd.service', make),
    };
    host.units.provide('etcd2.service', rec.etcd2);
    host.units.provide('etcd.service', rec.etcd04);
    host.addService(new CloudinitBoot(host, () => cloudconfigModule()!.runCloudinit));
    this.records.set(name, rec);
    this.names = undefined;
    host.boot();
    return rec;
  }

  machines(): string[] {
    return (this.names ??= [...this.records.keys()]).slice();
  }

  host(name: string): Host {
    return this.record(name).host;
  }

  /**
   * The machine's etcd process (etcd2, or 0.4's if that unit runs); before etcd ever started, a
   * member that is not running. Throws for an unknown machine.
   */
  etcd(name: string): EtcdServer {
    const unit = this.etcdUnit(this.record(name));
    if (unit.server) return unit.server;
    // Nothing ever started: an idle member with the unit's defaults, so readers see "not running".
    const cfg = unit.config();
    return new EtcdServer(this.world, name, 'error' in cfg ? placeholderConfig(name) : cfg, {});
  }

  /** What the machine's etcd runs as. */
  etcdMode(name: string): EtcdMode {
    const rec = this.record(name);
    if (!rec.host.isRunning()) return 'none';
    // Powered on but its services not started yet: what etcd will be is not known.
    if (!rec.host.isBooted()) return 'pending';
    return this.etcdUnit(rec).mode();
  }

  private etcdUnit(rec: MachineRecord): EtcdUnit {
    return rec.etcd04.isRunning() && !rec.etcd2.isRunning() ? rec.etcd04 : rec.etcd2;
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
    if (this.world.trace.active) this.world.trace.emit({ t: this.world.now(), type: 'input', input: i });
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
      if (!r.host.isRunning()) continue;
      const s = this.etcdUnit(r).server;
      if (!s || !s.isLeader()) continue;
      const term = s.currentTerm();
      if (!best || term > best.term) best = { name, term };
    }
    return best?.name;
  }

  snapshot(): ClusterSnapshot {
    const net = this.world.net.config;
    return {
      now: this.world.now(),
      machines: [...this.records.entries()].map(([name, r]): MachineSnapshot => {
        const unit = this.etcdUnit(r);
        const mode = r.host.isRunning() ? unit.mode() : 'none';
        const server = unit.server;
        return {
          name,
          ip: r.host.ip,
          power: r.host.powerState(),
          etcd: server && (server.diskRef.etcd || mode === 'proxy') ? server.view() : undefined,
          // `pending` (still bootstrapping) shows as a member-to-be.
          etcdMode: mode === 'pending' ? 'member' : mode,
        };
      }),
      partitions: this.partitions,
      net: { latencyMs: net.latencyMs, jitterMs: net.jitterMs, loss: net.loss },
      discovery: this.discovery(),
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

  /** `vagrant up` of one more machine (core-0N after the highest), powered on at once. */
  addMachine(opts: AddMachineOptions = {}): string {
    const index = Math.max(0, ...[...this.records.values()].map((r) => r.index)) + 1;
    const name = machineName(index);
    this.input({ kind: 'addMachine', machine: name, ...(opts.userData !== undefined ? { userData: opts.userData } : {}) });
    this.addHost(index, opts.userData ?? this.userData);
    return name;
  }

  /** `vagrant destroy` of one machine: powered off for good, its disk gone, out of the list. */
  destroyMachine(name: string): void {
    const rec = this.record(name);
    this.input({ kind: 'destroyMachine', machine: name });
    rec.host.kill();
    this.records.delete(name);
    this.names = undefined;
    this.partitions = this.partitions.map((g) => g.filter((m) => m !== name)).filter((g) => g.length > 0);
  }

  /**
   * `vagrant destroy` of every machine, then `vagrant up` of `machines` fresh ones booting from
   * `userData`. The world goes on: its clock, the discovery service and its tokens stay.
   */
  recreate(opts: RecreateOptions): void {
    this.input({ kind: 'recreate', machines: opts.machines, userData: opts.userData });
    for (const rec of this.records.values()) rec.host.kill();
    this.records.clear();
    this.names = undefined;
    this.partitions = [];
    this.world.net.heal();
    this.userData = opts.userData;
    for (let i = 1; i <= opts.machines; i++) this.addHost(i, opts.userData);
  }

  /** The discovery service's registries (tokens minted, their size and registrations). */
  discovery(): DiscoveryView[] {
    return this.discoveryService.views();
  }

  complete(machine: string, lineBeforeCursor: string): string[] {
    const shell = this.shellOf(this.record(machine));
    return shell ? shell.completions(lineBeforeCursor) : [];
  }

  isIncomplete(machine: string, text: string): boolean {
    return this.shellOf(this.record(machine))?.isIncomplete(text) ?? false;
  }

  private shellOf(rec: MachineRecord): Shell | undefined {
    const m = shellModule();
    if (!m) return undefined;
    return (rec.shell ??= new m.Shell(rec.host.context));
  }

  /**
   * Runs a command line in a machine's login shell (the terminal's, which keeps its variables).
   * `fresh` uses a new shell, as `vagrant ssh -c` would. The shell module must be loaded first.
   */
  spawn(
    machine: string,
    line: string,
    io: { stdout: OutputStream; stderr: OutputStream; stdin?: string },
    fresh = false,
  ): RunningCommand {
    const m = shellModule();
    if (!m) throw new Error('SimCluster.spawn: the shell module is not loaded (await loadShell() first)');
    const pid = ++this.pidSeq;
    this.input({ kind: 'exec', machine, line, pid });
    const rec = this.record(machine);
    if (!rec.host.isRunning()) {
      io.stderr.write(VM_NOT_RUNNING);
      return { done: Promise.resolve(1), interrupt: () => undefined };
    }
    const shell = fresh ? new m.Shell(rec.host.context) : this.shellOf(rec)!;
    const ctl = shell.createSignal();
    const offDown = rec.host.onDown(() => ctl.interrupt('SIGTERM'));
    // then, not finally: finally's pass-through costs two more promises per command.
    const done = shell.run(line, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, signal: ctl.signal }).then(
      (code) => {
        offDown();
        return code;
      },
      (e: unknown) => {
        offDown();
        throw e;
      },
    );
    return {
      done,
      interrupt: (reason = 'SIGINT') => {
        this.input({ kind: 'signal', machine, pid, signal: reason });
        ctl.interrupt(reason);
      },
    };
  }
}

function placeholderConfig(name: string): EtcdConfig {
  return {
    name,
    peerURLs: [],
    clientURLs: [],
    clientPorts: [],
    peerPorts: [],
    initialCluster: [],
    initialClusterState: 'new',
    initialClusterToken: 'etcd-cluster',
    heartbeatMs: 100,
    electionMs: 1000,
    discoveryFallback: 'proxy',
    proxy: 'off',
    flavor: 'etcd2',
  };
}

/**
 * Builds a cluster (loading the cloudconfig module first: in the browser a chunk of its own) and
 * runs it until it has settled (see `settle`).
 */
export async function createSimCluster(opts: SimClusterOptions = {}): Promise<SimCluster> {
  await loadCloudconfig();
  const c = new SimCluster(opts);
  await settle(c, (fn, limit) => runWhile(c, fn, limit));
  return c;
}

/** Runs the world until `cond` or `limitMs` of virtual time passes; used before any caller waits. */
async function runWhile(c: SimCluster, cond: () => boolean, limitMs: number): Promise<void> {
  const end = c.now() + limitMs;
  while (!cond() && c.now() < end) await c.runUntil(Math.min(end, c.now() + 50));
}

/** How long `settle` waits for etcd, virtual ms: past it the cluster is left as it is. */
export const SETTLE_LIMIT_MS = 120_000;

/**
 * True when every machine runs and etcd has settled: no machine's etcd is still bootstrapping;
 * if any machine runs an etcd member, a leader exists, it has applied every member's attributes
 * and the cluster version, and every running member has applied the leader's index. Proxies and
 * machines without etcd have nothing to wait for.
 */
export function isSettled(c: SimCluster, machines = c.machines()): boolean {
  if (!machines.every((m) => c.host(m).isRunning())) return false;
  const modes = machines.map((m) => c.etcdMode(m));
  if (modes.includes('pending')) return false;
  const members = machines.filter((_, i) => modes[i] === 'member');
  if (members.length === 0) return true;
  const l = c.leader();
  if (!l) return false;
  const ms = c.etcd(l).membership;
  // etcd 0.4 has no cluster version; its machines are settled once all of them joined.
  if (c.etcd(l).config.flavor === 'etcd') {
    if (ms.members.size < members.length) return false;
  } else if (ms.version === undefined || !ms.list().every((m) => m.name !== '')) return false;
  // Every member has applied the same metadata (followers learn the commit with a heartbeat).
  const index = c.etcd(l).store.index();
  return members.every((m) => c.etcd(m).store.index() === index);
}

/**
 * Runs until the cluster has settled (`isSettled`) or SETTLE_LIMIT_MS passes. A cluster whose
 * etcd cannot form (a broken user-data, a discovery size larger than the machines) does not
 * settle: the wait ends at the limit and the cluster is left as it is -- `leader()` then says
 * there is none. A user-data that starts no etcd settles once the machines run.
 */
export async function settle(c: SimCluster, run: (cond: () => boolean, limitMs: number) => Promise<unknown>): Promise<void> {
  await run(() => isSettled(c), SETTLE_LIMIT_MS);
}
