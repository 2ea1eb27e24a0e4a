/**
 * A timer in the world's queue. `seq` breaks ties so equal times run in scheduling order.
 * `fn` gets `a` and `b` (see `post`), so hot callers need no closure per timer.
 */
interface Timer {
  at: number;
  seq: number;
  fn: (a: any, b: any) => void;
  a: unknown;
  b: unknown;
  cancelled: boolean;
  /** Made by `schedule`: in `byId` until it runs or is cancelled. */
  keyed: boolean;
}

const NOOP = (): void => undefined;

export type TimerId = number;

/**
 * The world's virtual clock: a priority queue of timers in virtual milliseconds.
 * It has the `setTimeout`/`clearTimeout` shape XState expects of a clock, so actors created
 * with `{ clock: world.clock }` run their `after` delays in virtual time.
 */
export class WorldClock {
  private queue = new TimerHeap();
  private byId = new Map<TimerId, Timer>();
  private seq = 0;
  private current = 0;
  /** Live timers made by `post` (not in `byId`). */
  private posted = 0;
  /** Cancelled timers still in the heap. */
  private cancelledQueued = 0;

  now(): number {
    return this.current;
  }

  /** XState's clock interface. Our own code calls `schedule` / `cancel`. */
  setTimeout = (fn: () => void, ms: number): TimerId => this.schedule(fn, ms);
  clearTimeout = (id: TimerId | undefined): void => this.cancel(id);

  /** Runs `fn` after `ms` virtual milliseconds. */
  schedule(fn: () => void, ms: number): TimerId {
    const id = ++this.seq;
    const timer = this.timer(this.current + Math.max(0, ms || 0), id, fn, undefined, undefined, true);
    this.queue.push(timer);
    this.byId.set(id, timer);
    return id;
  }

  /**
   * Runs `fn(a, b)` after `ms` virtual milliseconds; cannot be cancelled. Same order as
   * `schedule` (it takes a sequence number too), without the id bookkeeping: for the hot path
   * (every network message).
   */
  post<A, B>(fn: (a: A, b: B) => void, ms: number, a: A, b: B): void {
    this.queue.push(this.timer(this.current + Math.max(0, ms || 0), ++this.seq, fn, a, b, false));
    this.posted++;
  }

  /**
   * A fresh timer each time. A pool of reused timers saved nothing measurable: a reused timer is
   * old-generation, and each young message stored in it costs a write barrier.
   */
  private timer(at: number, seq: number, fn: (a: any, b: any) => void, a: unknown, b: unknown, keyed: boolean): Timer {
    return { at, seq, fn, a, b, cancelled: false, keyed };
  }

  cancel(id: TimerId | undefined): void {
    if (id === undefined) return;
    const timer = this.byId.get(id);
    if (timer) {
      timer.cancelled = true;
      // It stays queued until it comes up: let what it captured go now.
      timer.fn = NOOP;
      this.byId.delete(id);
      // Long timeouts cancelled early (most of them) would otherwise pile up in the heap.
      if (++this.cancelledQueued > 64 && this.cancelledQueued * 2 > this.queue.length) {
        this.queue.removeCancelled();
        this.cancelledQueued = 0;
      }
    }
  }

  /** Virtual time of the next live timer, or undefined when nothing is scheduled. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.queue.peek()?.at;
  }

  /** Runs the next timer if it is due at or before `limit`. Returns false when none is. */
  step(limit = Infinity): boolean {
    this.dropCancelled();
    const next = this.queue.peek();
    if (!next || next.at > limit) return false;
    this.queue.pop();
    if (next.keyed) this.byId.delete(next.seq);
    else this.posted--;
    this.current = next.at;
    next.fn(next.a, next.b);
    return true;
  }

  /** Moves time forward to `t` when no timer is due before it. */
  jumpTo(t: number): void {
    if (t > this.current) this.current = t;
  }

  pending(): number {
    return this.byId.size + this.posted;
  }

  private dropCancelled(): void {
    while (this.queue.length > 0 && this.queue.peek()!.cancelled) {
      this.queue.pop();
      this.cancelledQueued--;
    }
  }
}

/** Fills the heap's unused slots (keeps the array's elements all of one kind). */
const EMPTY: Timer = { at: Infinity, seq: 0, fn: NOOP, a: undefined, b: undefined, cancelled: true, keyed: false };

/** `a` runs before `b`: earlier time, then earlier scheduling. */
function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * A binary min-heap of timers in run order (tinyqueue's algorithm with the comparison inlined:
 * every simulated event passes through here).
 */
class TimerHeap {
  private data: Timer[] = [];
  length = 0;

  peek(): Timer | undefined {
    return this.length > 0 ? this.data[0] : undefined;
  }

  push(t: Timer): void {
    const data = this.data;
    let pos = this.length++;
    // The array only grows: shrinking and regrowing its storage would allocate on every message.
    if (pos === data.length) data.push(t);
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const p = data[parent]!;
      if (!before(t, p)) break;
      data[pos] = p;
      pos = parent;
    }
    data[pos] = t;
  }

  /** Drops every cancelled timer and restores the heap order (Floyd's heapify). */
  removeCancelled(): void {
    const data = this.data.slice(0, this.length).filter((t) => !t.cancelled);
    this.data = data;
    this.length = data.length;
    for (let i = (data.length >> 1) - 1; i >= 0; i--) this.siftDown(i, data[i]!);
  }

  pop(): Timer | undefined {
    if (this.length === 0) return undefined;
    const data = this.data;
    const top = data[0]!;
    const n = --this.length;
    const bottom = data[n]!;
    data[n] = EMPTY;
    if (n > 0) this.siftDown(0, bottom);
    return top;
  }

  /** Puts `t` at `pos` or below, moving smaller children up. */
  private siftDown(pos: number, t: Timer): void {
    const data = this.data;
    const n = this.length;
    const half = n >> 1;
    while (pos < half) {
      let best = 2 * pos + 1;
      const right = best + 1;
      if (right < n && before(data[right]!, data[best]!)) best = right;
      if (!before(data[best]!, t)) break;
      data[pos] = data[best]!;
      pos = best;
    }
    data[pos] = t;
  }
}
