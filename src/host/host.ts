import { createActor, type Actor } from 'xstate';
import type { World } from '../sim/world.ts';
import { FileSystem } from './filesystem.ts';
import { powerMachine } from './power.ts';
import type { HostContext } from '../shell/process.ts';
import type { PowerState } from '../snapshot.ts';

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
  private downListeners = new Set<() => void>();
  /** Bumped on every boot, so stale callbacks of an earlier life can tell. */
  incarnation = 0;
  readonly context: HostContext;

  constructor(
    readonly world: World,
    readonly name: string,
    readonly ip: string,
  ) {
    world.net.addAddress(ip, name);
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
    this.context = {
      name,
      ip,
      fs: this.fs,
      now: () => world.now(),
      http: (target, out, handlers) => world.http.request(name, target, out, handlers),
      setTimer: (fn, ms) => {
        const id = world.clock.schedule(fn, ms);
        return () => world.clock.cancel(id);
      },
      wake: (settle) => world.wake(settle),
    };
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
    this.downListeners.add(cb);
    return () => this.downListeners.delete(cb);
  }

  private startServices(): void {
    this.incarnation++;
    this.world.net.setUp(this.name, true);
    this.emitPower('running');
    for (const s of this.services) s.start();
  }

  private goDown(state: 'crashed' | 'rebooting' | 'off'): void {
    const wasUp = this.world.net.isUp(this.name);
    this.world.net.setUp(this.name, false);
    if (wasUp) for (const s of [...this.services].reverse()) s.stop();
    for (const cb of [...this.downListeners]) cb();
    this.emitPower(state);
  }

  private emitPower(state: string): void {
    this.world.trace.emit({ t: this.world.now(), type: 'host.power', host: this.name, state });
  }
}
