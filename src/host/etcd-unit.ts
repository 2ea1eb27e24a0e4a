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
  /** PID of a start that failed at once (no member was made for it). */
  private failedPid: number | undefined;
  /** Undoes the pending READY=1 notice or the removed member's exit timer. */
  private cancelWatch: (() => void) | undefined;
  /** The latest `config()` and what it was read from. */
  private lastConfig: { generation: number; hostname: string; settings: unknown; config: EtcdConfig | { error: string } } | undefined;

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

  /** The configuration the unit would start with now (shared: read it, never change it). */
  config(): EtcdConfig | { error: string } {
    const { fs, hostname } = this.host;
    // It comes from the files and the host name alone; a reboot finds them as they were.
    // The settings are the unit as systemd loaded it (an edit waits for daemon-reload); the
    // EnvironmentFile= is read at each start.
    const settings = this.host.units.settings(this.unit);
    const last = this.lastConfig;
    if (last !== undefined && last.generation === fs.generation && last.hostname === hostname && last.settings === settings) return last.config;
    const env = unitEnvironment(fs, this.unit, { machineId: this.host.machineId, hostname }, settings);
    const config = this.unit === 'etcd2.service' ? etcd2Config(env) : etcd04Config(env);
    this.lastConfig = { generation: fs.generation, hostname, settings, config };
    return config;
  }

  start(): boolean {
    this.cancelWatch?.();
    this.cancelWatch = undefined;
    this.failedPid = undefined;
    const cfg = this.config();
    if ('error' in cfg) {
      // etcd exits at once; systemd restarts it every 10 s (Restart=always) with the same end.
      this.failedPid = this.host.allocPid();
      this.host.journal.append({
        unit: this.unit,
        identifier: this.unit === 'etcd2.service' ? 'etcd2' : 'etcd',
        pid: this.failedPid,
        message: cfg.error,
        priority: PRIORITY.crit,
      });
      return false;
    }
    const dir = cfg.dataDir ?? '';
    let disk = this.disks.get(dir);
    if (!disk) this.disks.set(dir, (disk = {}));
    if (!this.current || this.disk !== disk || this.current.madeWithoutItsModule || (this.current.config !== cfg && JSON.stringify(this.current.config) !== JSON.stringify(cfg))) {
      const server = this.make(cfg, disk);
      // etcd exiting by itself (a failed bootstrap) leaves the unit failed.
      server.onExit = (code) => this.exited(server, code);
      // READY=1: systemd hears it once etcd's step that sent it is done.
      server.onReady = () => {
        this.cancelWatch = this.host.context.setTimer(() => {
          this.cancelWatch = undefined;
          if (this.current === server && this.running) this.host.units.ready(this.unit);
        }, 0);
      };
      this.current = server;
      this.disk = disk;
    }
    const server = this.current;
    this.running = true;
    if (server.removed) {
      this.restartRemoved(server);
      return true;
    }
    server.start();
    return true;
  }

  private exited(server: EtcdServer, code: number): void {
    if (this.current !== server || !this.running) return;
    this.running = false;
    this.cancelWatch?.();
    this.cancelWatch = undefined;
    this.host.units.processExited(this.unit, code);
  }

  /**
   * etcd 2.3 started on the data dir of a member the cluster removed: it restarts the member,
   * its peers answer 410 Gone, and it exits again (status 0) with the same two lines. The
   * simulated member stays stopped; the process only says so, about a second in.
   */
  private restartRemoved(server: EtcdServer): void {
    server.log.pid = this.host.allocPid();
    this.cancelWatch = this.host.context.setTimer(() => {
      this.cancelWatch = undefined;
      if (this.current !== server || !this.running) return;
      server.log.error('the member has been permanently removed from the cluster');
      server.log.info('the data-dir used by this member must be removed.');
      this.exited(server, 0);
    }, 1000);
  }

  /** READY=1 sent: a member or a serving proxy. */
  isReady(): boolean {
    // The removed member's restart gets as far as serving before its peers turn it away.
    if (this.running && this.current?.removed) return true;
    const m = this.mode();
    return m === 'member' || m === 'proxy';
  }

  mainPid(): number | undefined {
    if (this.failedPid !== undefined) return this.failedPid;
    return this.running && this.current ? this.current.log.pid : undefined;
  }

  stop(): void {
    this.running = false;
    this.cancelWatch?.();
    this.cancelWatch = undefined;
    this.current?.stop();
  }

  /**
   * What the process runs as; `pending` while it is still bootstrapping (waiting on discovery),
   * `none` when the unit is not running (or etcd exited).
   */
  mode(): 'member' | 'proxy' | 'pending' | 'none' {
    // Between two tries of Restart=always etcd is not running, but systemd will start it again.
    if (!this.running || !this.current) return this.host.units.runtime(this.unit).sub === 'auto-restart' ? 'pending' : 'none';
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
