import type { World } from './sim/world.ts';

/**
 * Lets the JavaScript event loop run once (a macrotask), so every continuation the world woke
 * runs before virtual time moves on. MessageChannel in browsers (setTimeout would clamp to 4 ms).
 */
export const yieldToEventLoop: () => Promise<void> = (() => {
  if (typeof setImmediate === 'function') return () => new Promise<void>((r) => setImmediate(r));
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return () =>
    new Promise<void>((r) => {
      queue.push(r);
      channel.port2.postMessage(0);
    });
})();

/** How many yields in a row may skip the event loop (see `yieldFromMicrotask`). */
const MICROTASK_YIELDS_PER_MACROTASK = 64;

/**
 * Node only: called from inside a microtask, a `process.nextTick` callback runs once the whole
 * microtask queue has drained (Node runs ticks after `runMicrotasks()`), which is all a woken
 * continuation needs -- without a turn of the event loop (about 1.5 us each, and a run makes
 * tens of thousands). Every MICROTASK_YIELDS_PER_MACROTASK-th yield still goes through the event
 * loop, so timers and I/O outside the world are never starved. Elsewhere: `yieldToEventLoop`.
 */
const yieldFromMicrotask: () => Promise<void> = (() => {
  const proc = (globalThis as { process?: { nextTick?: (fn: () => void) => void } }).process;
  const nextTick = proc?.nextTick;
  if (typeof nextTick !== 'function' || typeof setImmediate !== 'function') return yieldToEventLoop;
  let n = 0;
  return () => (++n % MICROTASK_YIELDS_PER_MACROTASK === 0 ? yieldToEventLoop() : new Promise<void>((r) => nextTick(r)));
})();

/**
 * Drives one world for async callers sharing one virtual timeline (the headless API's pump).
 * Every pending call is a waiter; while any is pending the pump runs the world event by event,
 * yielding to the event loop whenever the world woke a continuation, so a caller whose call just
 * resolved can start its next call at that same virtual moment. With no waiter the world stands still.
 */
export class Pump {
  private waiters = 0;
  private running = false;

  constructor(private world: World) {}

  /** Keeps the world running until `p` settles. */
  hold<T>(p: Promise<T>): Promise<T> {
    this.waiters++;
    // then, not finally: finally's pass-through costs two more promises per call.
    const done = p.then(
      (v) => {
        this.waiters--;
        return v;
      },
      (e: unknown) => {
        this.waiters--;
        throw e;
      },
    );
    // An async call allocates its promise even when it returns at once: start it only if idle.
    if (!this.running) void this.run();
    return done;
  }

  /** Runs the world until `cond()` holds (checked after every event) or `limitMs` passes. */
  until(cond: () => boolean, limitMs: number): Promise<boolean> {
    if (cond()) return Promise.resolve(true);
    const end = this.world.now() + limitMs;
    return this.hold(
      new Promise<boolean>((resolve) => {
        const check = () => {
          const met = cond();
          if (!met && this.world.now() < end) return;
          this.checks.delete(check);
          this.world.wake(() => resolve(met));
        };
        this.checks.add(check);
        // Make sure something happens at the deadline even in a silent world.
        this.world.clock.schedule(() => undefined, limitMs);
      }),
    );
  }

  private checks = new Set<() => void>();

  /**
   * True while the pump waits for the event loop: whatever starts now (its continuations are
   * microtasks) runs before the world moves on, with no wake needed.
   */
  get yielding(): boolean {
    return this.inYield;
  }

  private inYield = false;

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      // Let the caller's freshly started work (which may need no virtual time) run first.
      this.inYield = true;
      await yieldToEventLoop();
      this.inYield = false;
      while (this.waiters > 0) {
        if (this.world.takeWake()) {
          this.inYield = true;
          await yieldFromMicrotask();
          this.inYield = false;
          continue;
        }
        if (!this.world.clock.step()) {
          // Nothing scheduled: only continuations could add events.
          this.inYield = true;
          await yieldToEventLoop();
          this.inYield = false;
          if (this.world.clock.nextAt() === undefined && !this.world.takeWake()) break;
          continue;
        }
        if (this.checks.size > 0) for (const c of [...this.checks]) c();
      }
    } finally {
      this.running = false;
    }
  }
}
