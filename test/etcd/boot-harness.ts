/** Machines built from Host + EtcdServer (no SimCluster), with the public discovery service. */
import { World } from '../../src/sim/world.ts';
import { Host } from '../../src/host/host.ts';
import { installCoreosFiles } from '../../src/host/coreos-files.ts';
import { EtcdServer, type EtcdDataDir } from '../../src/etcd/server.ts';
import { vagrantDiscoveryConfig, type EtcdConfig } from '../../src/etcd/config.ts';
import { DiscoveryService } from '../../src/etcd/discovery/service.ts';
import { Shell } from '../../src/shell/shell.ts';
import { Pump } from '../../src/driver.ts';

export interface Machine {
  name: string;
  ip: string;
  host: Host;
  etcd: EtcdServer;
  disk: EtcdDataDir;
  shell: Shell;
}

export const nameOf = (i: number) => `core-${String(i).padStart(2, '0')}`;
export const ipOf = (i: number) => `172.17.8.${100 + i}`;

export class BootWorld {
  readonly world: World;
  readonly discovery: DiscoveryService;
  readonly pump: Pump;
  readonly machines = new Map<string, Machine>();

  constructor(seed = 7) {
    this.world = new World({ seed, traceCapacity: 0 });
    this.discovery = new DiscoveryService(this.world);
    this.pump = new Pump(this.world);
  }

  /** Machine core-0i powered on with `config` (default: coreos-vagrant's with discovery `durl`). */
  add(i: number, config: EtcdConfig | string): Machine {
    const name = nameOf(i);
    const ip = ipOf(i);
    const host = new Host(this.world, name, ip);
    installCoreosFiles(host.fs, name, ip);
    const disk: EtcdDataDir = {};
    const cfg = typeof config === 'string' ? vagrantDiscoveryConfig(name, ip, config) : config;
    const etcd = new EtcdServer(this.world, name, cfg, disk, host);
    host.addService(etcd);
    const m = { name, ip, host, etcd, disk, shell: new Shell(host.context) };
    this.machines.set(name, m);
    host.boot();
    return m;
  }

  m(name: string): Machine {
    return this.machines.get(name)!;
  }

  until(cond: () => boolean, limitMs = 60_000): Promise<boolean> {
    return this.pump.until(cond, limitMs);
  }

  advance(ms: number): Promise<void> {
    return this.pump.hold(new Promise<void>((r) => this.world.clock.schedule(() => this.world.wake(r), ms)));
  }

  async exec(machine: string, line: string, timeoutMs = 60_000): Promise<{ stdout: string; stderr: string; code: number }> {
    let stdout = '';
    let stderr = '';
    const sh = this.m(machine).shell;
    const ctl = sh.createSignal();
    const timer = this.world.clock.schedule(() => ctl.interrupt('timeout'), timeoutMs);
    const done = sh.run(line, { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, signal: ctl.signal });
    this.world.wake();
    const code = await this.pump.hold(done);
    this.world.clock.cancel(timer);
    return { stdout, stderr, code };
  }

  /** The journal of a machine's etcd2 unit, messages only. */
  log(machine: string): string[] {
    return this.m(machine).host.journal.entries().filter((e) => e.unit === 'etcd2.service').map((e) => e.message);
  }

  leader(): string | undefined {
    for (const m of this.machines.values()) if (m.host.isRunning() && m.etcd.isLeader()) return m.name;
    return undefined;
  }

  /** Every running member has applied the cluster version and agrees on the store index. */
  settled(names: string[]): boolean {
    const l = this.leader();
    if (!l) return false;
    const ms = this.m(l).etcd.membership;
    if (ms.version === undefined || !ms.list().every((x) => x.name !== '')) return false;
    const idx = this.m(l).etcd.store.index();
    return names.every((n) => this.m(n).etcd.isRunning() && this.m(n).etcd.store.index() === idx);
  }
}
