import type { SimClusterApi } from '../../cluster-api.ts';
import type { ClusterSnapshot } from '../../snapshot.ts';
import type { TraceEvent } from '../../sim/trace.ts';
import { FlightTracker } from './flights.ts';
import { EventLog, type LogItem } from './event-log.ts';
import { clampSpeed } from './speed.ts';
import { TerminalSession } from './terminal-session.ts';

/** Longest wall time one frame may advance (a slow or backgrounded frame must not jump seconds). */
const MAX_FRAME_MS = 100;
/** Display time one Step adds, so afterglows fade while stepping. */
const STEP_DISPLAY_MS = 140;
const MAX_LOG = 400;

/**
 * The frame loop: each animation frame advances the world by the wall time elapsed times the
 * speed (capped), then publishes a fresh snapshot. Pause freezes it; Step runs one event.
 */
export class Runner {
  playing = $state(true);
  speed = $state(1);
  snap: ClusterSnapshot = $state.raw() as unknown as ClusterSnapshot;
  log: LogItem[] = $state.raw([]);
  announcement = $state('');
  error = $state('');
  /** Bumped every frame something may have moved (the message layer redraws on it). */
  frame = $state(0);
  readonly flights: FlightTracker;
  readonly sessions = new Map<string, TerminalSession>();
  readonly machines: string[];
  private eventLog = new EventLog();
  private pendingLog: LogItem[] = [];
  private busy = false;
  private lastTs: number | undefined;
  private raf = 0;
  private unsubscribe: () => void = () => undefined;
  private stopped = false;

  constructor(readonly sim: SimClusterApi) {
    this.machines = sim.machines();
    this.flights = new FlightTracker(new Set(this.machines));
    for (const m of this.machines) this.sessions.set(m, new TerminalSession(sim, m));
    this.unsubscribe = sim.subscribe((e) => this.onTrace(e));
    // Seed the event log with what happened while the cluster came up.
    for (const e of sim.recentTrace()) this.collect(e, false);
    this.refresh();
  }

  start(): void {
    const loop = (ts: number) => {
      if (this.stopped) return;
      this.tick(ts);
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }

  stop(): void {
    this.stopped = true;
    cancelAnimationFrame(this.raf);
    this.unsubscribe();
  }

  togglePlay(): void {
    this.playing = !this.playing;
    this.lastTs = undefined;
  }

  setSpeed(s: number): void {
    this.speed = clampSpeed(s);
  }

  /** Pauses and runs exactly the next event of the world. */
  async step(): Promise<void> {
    this.playing = false;
    if (this.busy) return;
    this.busy = true;
    try {
      this.flights.displayClock += STEP_DISPLAY_MS;
      await this.sim.step();
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
    this.refresh();
  }

  /** Applies an input (kill, boot, partition ...) now and shows its effect at once. */
  act(fn: (sim: SimClusterApi) => void): void {
    try {
      fn(this.sim);
    } catch (err) {
      this.fail(err);
    }
    this.refresh();
  }

  private tick(ts: number): void {
    if (this.playing && !this.busy && !this.error) {
      const dt = this.lastTs === undefined ? 0 : Math.min(MAX_FRAME_MS, Math.max(0, ts - this.lastTs));
      this.lastTs = ts;
      if (dt > 0) {
        this.flights.displayClock += dt;
        const target = this.sim.now() + dt * this.speed;
        this.busy = true;
        this.sim.runUntil(target).then(
          () => {
            this.busy = false;
            this.refresh();
          },
          (err: unknown) => {
            this.busy = false;
            this.fail(err);
          },
        );
      }
    } else if (!this.playing) {
      this.lastTs = undefined;
    }
  }

  private refresh(): void {
    try {
      this.snap = this.sim.snapshot();
    } catch (err) {
      this.fail(err);
      return;
    }
    for (const m of this.snap.machines) this.sessions.get(m.name)?.setPower(m.power);
    if (this.pendingLog.length) {
      const next = this.log.concat(this.pendingLog);
      this.pendingLog = [];
      this.log = next.length > MAX_LOG ? next.slice(-MAX_LOG) : next;
    }
    this.frame++;
  }

  private onTrace(e: TraceEvent): void {
    this.flights.onEvent(e);
    this.collect(e, true);
  }

  private collect(e: TraceEvent, live: boolean): void {
    const item = this.eventLog.describe(e);
    if (!item) return;
    this.pendingLog.push(item);
    if (live && item.announce) {
      // A trailing non-breaking space makes a repeated message count as new for screen readers.
      this.announcement = item.announce === this.announcement.trim() ? item.announce + '\u00a0' : item.announce;
    }
  }

  private fail(err: unknown): void {
    this.playing = false;
    this.error = err instanceof Error ? `${err.message}` : String(err);
    console.warn('simulation stopped:', err);
  }
}
