import type { EtcdConfig } from '../etcd/config.ts';
import type { EtcdServer } from '../etcd/server.ts';
import type { EtcdDataDir } from '../etcd/startup.ts';
import { PRIORITY } from './journal.ts';
import type { Host } from './host.ts';
import { etcd04Config, etcd2Config } from './etcd-flags.ts';
import type { UnitBackend } from './units.ts';
import { unitEnvironment } from './unit-files.ts';

export type MakeEtcdServer = (config: EtcdConfig, disk: EtcdDataDir) => EtcdServer;

/**
 * `etcd2.service` (or 0.4's `etcd.service`) on a host: at every start the configuration is read
 * from the unit's environment (the CoreOS unit plus cloud-config's drop-in), the member runs on
 * the data dir it names. Data dirs outlive the process, as the disk does.
 */
export class EtcdUnit implements UnitBackend {
  private disks = new Map<string, EtcdDataDir>();
  private current: EtcdServer | undefined;
  private disk: EtcdDataDir | undefined;
  private running = false;

  constructor(
    private host: Host,
    readonly unit: 'etcd2.service' | 'etcd.service',
    private make: MakeEtcdServer,
  ) {}

  /** The member of the latest start, if etcd ever started. */
  get server(): EtcdServer | undefined {
    return this.current;
  }

  isRunning(): boolean {
    return this.running;
  }

  /** The configuration the unit would start with now. */
  config(): EtcdConfig | { error: string } {
    const env = unitEnvironment(this.host.fs, this.unit, { machineId: this.host.machineId, hostname: this.host.hostname });
    return this.unit === 'etcd2.service' ? etcd2Config(env) : etcd04Config(env);
  }

  start(): boolean {
    const cfg = this.config();
    if ('error' in cfg) {
      // etcd exits at once; systemd would restart it every 10 s (Restart=always) with the same end.
      this.host.journal.append({
        unit: this.unit,
        identifier: this.unit === 'etcd2.service' ? 'etcd2' : 'etcd',
        pid: this.host.allocPid(),
        message: cfg.error,
        priority: PRIORITY.crit,
      });
      return false;
    }
    const dir = cfg.dataDir ?? '';
    let disk = this.disks.get(dir);
    if (!disk) this.disks.set(dir, (disk = {}));
    if (!this.current || this.disk !== disk || JSON.stringify(this.current.config) !== JSON.stringify(cfg)) {
      const server = this.make(cfg, disk);
      // etcd exiting by itself (a failed bootstrap) leaves the unit failed.
      server.onExit = () => {
        if (this.current !== server || !this.running) return;
        this.running = false;
        this.host.units.markFailed(this.unit);
      };
      this.current = server;
      this.disk = disk;
    }
    this.current.start();
    this.running = true;
    return true;
  }

  stop(): void {
    this.running = false;
    this.current?.stop();
  }

  /**
   * What the process runs as; `pending` while it is still bootstrapping (waiting on discovery),
   * `none` when the unit is not running (or etcd exited).
   */
  mode(): 'member' | 'proxy' | 'pending' | 'none' {
    if (!this.running || !this.current) return 'none';
    const m = this.current.mode();
    if (m === 'starting') return 'pending';
    // A proxy serves once it has fetched the members from its peers.
    const port = this.current.config.clientPorts[0];
    if (m === 'proxy' && port !== undefined && !this.host.world.net.isListening(this.host.name, port)) return 'pending';
    return m;
  }

  /** Every data dir this unit has used (to wipe them on `vagrant destroy`, nothing else). */
  dataDirs(): string[] {
    return [...this.disks.keys()];
  }
}
