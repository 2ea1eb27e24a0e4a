import { WorldClock } from './clock.ts';
import { Rng } from './rng.ts';
import { Network } from './network.ts';
import { HttpStack } from './http.ts';
import { Trace } from './trace.ts';

export interface WorldOptions {
  seed?: number;
  /** How many recent trace events to keep in memory (0: none, only subscribers see them). */
  traceCapacity?: number;
}

/**
 * One deterministic world: virtual clock, seeded randomness, network and trace.
 *
 * Synchronous simulation code (raft, the keyspace) runs inside clock callbacks. Asynchronous
 * code (shell processes written with async/await) waits on promises the world resolves; when
 * the world resolves one it raises `wakeFlag`, and whoever drives the world must let the
 * JavaScript event loop run (a macrotask) before the next event, so the continuation runs at
 * the virtual moment it was woken.
 */
export class World {
  readonly seed: number;
  readonly clock = new WorldClock();
  readonly rng: Rng;
  readonly trace: Trace;
  readonly net: Network;
  readonly http: HttpStack;
  private wakeFlag = false;

  constructor(opts: WorldOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.rng = new Rng(this.seed);
    this.trace = new Trace(opts.traceCapacity ?? 20_000);
    this.net = new Network(this.clock, this.rng, this.trace);
    this.http = new HttpStack(this.net, this.clock);
  }

  now(): number {
    return this.clock.now();
  }

  /** Resolves `ms` virtual milliseconds from now. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.clock.schedule(() => this.wake(resolve), ms);
    });
  }

  /** Runs `resolve` (settling some promise) and asks the driver to yield before going on. */
  wake(resolve?: () => void): void {
    this.wakeFlag = true;
    resolve?.();
  }

  /** True once since the last call if async continuations may be waiting to run. */
  takeWake(): boolean {
    const w = this.wakeFlag;
    this.wakeFlag = false;
    return w;
  }

  /**
   * Runs every event due at or before `t` and then sets the time to `t`, yielding to the event
   * loop (via `yieldFn`) whenever async continuations were woken.
   */
  async runUntil(t: number, yieldFn: () => Promise<void>): Promise<void> {
    for (;;) {
      if (this.takeWake()) {
        await yieldFn();
        continue;
      }
      if (!this.clock.step(t)) break;
    }
    this.clock.jumpTo(t);
  }
}
