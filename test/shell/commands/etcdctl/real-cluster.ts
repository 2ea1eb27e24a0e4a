import { World } from '../../../../src/sim/world.ts';
import { Host } from '../../../../src/host/host.ts';
import { EtcdServer } from '../../../../src/etcd/server.ts';
import { vagrantEtcdConfig } from '../../../../src/etcd/config.ts';
import { installCoreosFiles } from '../../../../src/host/coreos-files.ts';
import { drive, runEtcdctl, spawnEtcdctl, type RunOptions, type RunResult, type Spawned } from './harness.ts';

/**
 * coreos-vagrant machines running the real simulated etcd (as src/cluster.ts builds them, without
 * the shell), so etcdctl can be checked against the real server before the headless API is whole.
 */
export class RealCluster {
  readonly world: World;
  readonly hosts = new Map<string, { host: Host; etcd: EtcdServer }>();

  constructor(n = 3, seed = 1) {
    this.world = new World({ seed });
    const all = Array.from({ length: n }, (_, i) => ({ name: `core-0${i + 1}`, ip: `172.17.8.10${i + 1}` }));
    for (const m of all) {
      const host = new Host(this.world, m.name, m.ip);
      installCoreosFiles(host.fs, m.name, m.ip);
      const etcd = new EtcdServer(this.world, m.name, vagrantEtcdConfig(m.name, m.ip, all), {});
      host.addService(etcd);
      host.boot();
      this.hosts.set(m.name, { host, etcd });
    }
  }

  leader(): string | undefined {
    for (const [name, r] of this.hosts) if (r.host.isRunning() && r.etcd.isLeader()) return name;
    return undefined;
  }

  /** Runs until every machine is up with a leader and the members' metadata applied. */
  async settle(limitMs = 120_000): Promise<void> {
    const ready = () => {
      const l = this.leader();
      if (!l) return false;
      if (![...this.hosts.values()].every((r) => r.host.isRunning())) return false;
      const ms = this.hosts.get(l)!.etcd.membership;
      return ms.version !== undefined && ms.list().every((m) => m.name !== '');
    };
    const end = this.world.now() + limitMs;
    while (!ready() && this.world.now() < end) await this.world.runUntil(this.world.now() + 50, () => new Promise((r) => setImmediate(r)));
  }

  async advance(ms: number): Promise<void> {
    await this.world.runUntil(this.world.now() + ms, () => new Promise((r) => setImmediate(r)));
  }

  run(machine: string, args: string[], opts?: RunOptions): Promise<RunResult> {
    return runEtcdctl(this.world, this.hosts.get(machine)!.host.context, args, opts);
  }

  spawn(machine: string, args: string[], opts?: RunOptions): Spawned {
    return spawnEtcdctl(this.world, this.hosts.get(machine)!.host.context, args, opts);
  }

  /** Drives the world until every spawned command has ended. */
  async wait(...ps: Spawned[]): Promise<RunResult[]> {
    await drive(this.world, () => ps.every((p) => p.settled()));
    return ps.map((p) => p.result());
  }
}
