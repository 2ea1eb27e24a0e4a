import { createActor, type Actor } from 'xstate';
import type { World } from '../sim/world.ts';
import { FileSystem } from './filesystem.ts';
import { powerMachine } from './power.ts';
import type { HostContext } from '../shell/process.ts';
import type { PowerState } from '../snapshot.ts';
import { Journal } from './journal.ts';
import { Units } from './units.ts';
import { sha1 } from '@noble/hashes/legacy.js';
import { worldServices } from './world-services.ts';

/** Something a host runs while it is up (etcd, later fleet, docker...). */
export interface HostService {
  readonly name: string;
  start(): void;
  /** The host went down: drop everything in memory (what is on disk stays). */
  stop(): void;
}

/** How long a CoreOS VM takes from power-on to services starting. */
const BOOT_MS = 3000;
const BOOT_JITTER_MS = 1000;

/**
 * A CoreOS machine as coreos-vagrant makes them: `core-01` at 172.17.8.101, with its files,
 * its power (an XState machine on the world clock), and the services it runs while up.
 */
export class Host {
  readonly fs = new FileSystem();
  readonly power: Actor<typeof powerMachine>;
  private services: HostService[] = [];
  /** By subscription number (a fresh closure per command makes a poor Set key: no cheap hash). */
  private downListeners = new Map<number, () => void>();
  private downSeq = 0;
  /** Bumped on every boot, so stale callbacks of an earlier life can tell. */
  incarnation = 0;
  readonly context: HostContext;
  /** The systemd journal (persistent across reboots). */
  readonly journal: Journal;
  private pidSeq = 0;
  /** systemd's view of the units (what cloud-config starts). */
  readonly units: Units = new Units(this.fs, this);
  /** /etc/machine-id: 32 hex digits, fixed for the VM's life (systemd's %m). */
  readonly machineId: string;
  /** The kernel host name (cloud-config's `hostname` changes it); `name` stays the VM's name. */
  hostname: string;

  constructor(
    readonly world: World,
    readonly name: string,
    readonly ip: string,
    machineId?: string,
  ) {
    world.net.addAddress(ip, name);
    this.hostname = name;
    // Not from the world's rng: adding draws would change every seeded run.
    this.machineId = machineId ?? defaultMachineId(name);
    this.journal = new Journal(() => world.now());
    this.power = createActor(powerMachine, {
      clock: world.clock,
      input: {
        bootMs: () => BOOT_MS + world.rng.int(0, BOOT_JITTER_MS),
        shutdownMs: 1000,
        onBooting: () => this.emitPower('booting'),
        // Out of the power machine's action: services create actors of their own, which
        // XState must not do from inside another machine's action.
        onRunning: () => world.clock.schedule(() => this.isRunning() && this.startServices(), 0),
        onDown: (state) => this.goDown(state),
      },
    });
    this.power.start();
    const self = this;
    this.context = {
      get name() {
        return self.hostname;
      },
      ip,
      fs: this.fs,
      ...worldServices(world, name),
      journal: this.journal,
      units: this.units,
    };
  }

  /** A process ID for a daemon started in this boot (the first services come up in the 500s-600s). */
  allocPid(): number {
    return ++this.pidSeq;
  }

  addService(s: HostService): void {
    this.services.push(s);
    if (this.powerState() === 'running') s.start();
  }

  service<T extends HostService>(name: string): T | undefined {
    return this.services.find((s) => s.name === name) as T | undefined;
  }

  powerState(): PowerState {
    const v = this.power.getSnapshot().value as string;
    if (v === 'running') return 'running';
    if (v === 'booting' || v === 'rebooting') return 'booting';
    if (v === 'crashed') return 'crashed';
    return 'off';
  }

  isRunning(): boolean {
    return this.powerState() === 'running';
  }

  /** Running and done booting: its services (coreos-cloudinit, the units it starts) have started. */
  isBooted(): boolean {
    return this.isRunning() && this.world.net.isUp(this.name);
  }

  boot(): void {
    this.power.send({ type: 'BOOT' });
  }

  kill(): void {
    this.power.send({ type: 'KILL' });
  }

  reboot(): void {
    this.power.send({ type: 'REBOOT' });
  }

  /** Called when the host goes down (crash, reboot): shells drop their sessions. */
  onDown(cb: () => void): () => void {
    const id = ++this.downSeq;
    this.downListeners.set(id, cb);
    return () => this.downListeners.delete(id);
  }

  private startServices(): void {
    this.incarnation++;
    this.journal.newBoot();
    // Not from the world's rng: adding draws would change every seeded run.
    this.pidSeq = 550 + ((this.ip.charCodeAt(this.ip.length - 1) * 31 + this.incarnation * 47) % 150);
    this.world.net.setUp(this.name, true);
    this.emitPower('running');
    for (const s of this.services) s.start();
    this.units.bootEnabled();
  }

  private goDown(state: 'crashed' | 'rebooting' | 'off'): void {
    const wasUp = this.world.net.isUp(this.name);
    this.world.net.setUp(this.name, false);
    if (wasUp) {
      this.units.down();
      for (const s of [...this.services].reverse()) s.stop();
    }
    for (const cb of [...this.downListeners.values()]) cb();
    this.emitPower(state);
  }

  private emitPower(state: string): void {
    this.world.trace.emit({ t: this.world.now(), type: 'host.power', host: this.name, state });
  }
}

/** A machine ID derived from the name (hosts made outside a cluster, e.g. in tests). */
export function defaultMachineId(seedText: string): string {
  const d = sha1(new TextEncoder().encode(`machine-id:${seedText}`));
  let hex = '';
  for (let i = 0; i < 16; i++) hex += d[i]!.toString(16).padStart(2, '0');
  return hex;
}
