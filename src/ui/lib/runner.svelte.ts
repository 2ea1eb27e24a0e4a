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
  /** The machines, in order; changes when one is added or destroyed, or the cluster recreated. */
  machines: string[] = $state.raw([]);
  /** Bumped when machines come or go (the editor re-reads its files). */
  epoch = $state(0);
  /** Whether the shell (loaded with the first terminal) is in; until then typed keys wait. */
  shellReady = $state(false);
  readonly flights: FlightTracker;
  readonly sessions = new Map<string, TerminalSession>();
  private eventLog = new EventLog();
  private pendingLog: LogItem[] = [];
  private busy = false;
  private lastTs: number | undefined;
  private raf = 0;
  private unsubscribe: () => void = () => undefined;
  private stopped = false;
  /** Machines whose host was replaced (destroyed, recreated) since the last refresh. */
  private replaced = new Set<string>();
  private replacedAll = false;
  private shellLoading: Promise<void> | undefined;

  /**
   * `loadShell` fetches the shell module and hands it to the simulation; without it (tests,
   * a sim that has its shell) terminals accept input at once.
   */
  constructor(
    readonly sim: SimClusterApi,
    private loadShell?: () => Promise<void>,
  ) {
    this.shellReady = !loadShell;
    this.machines = sim.machines();
    this.flights = new FlightTracker(new Set(this.machines));
    for (const m of this.machines) this.sessions.set(m, this.newSession(m));
    this.unsubscribe = sim.subscribe((e) => this.onTrace(e));
    // Seed the event log with what happened while the cluster came up.
    for (const e of sim.recentTrace()) this.collect(e, false);
    this.refresh();
  }

  /** Loads the shell once (the first terminal opened); then held keystrokes run. */
  ensureShell(): Promise<void> {
    if (!this.loadShell) return Promise.resolve();
    this.shellLoading ??= this.loadShell().then(
      () => {
        this.shellReady = true;
        for (const s of this.sessions.values()) s.release();
      },
      (err: unknown) => {
        this.shellLoading = undefined;
        throw err;
      },
    );
    return this.shellLoading;
  }

  /** `vagrant up` of one more machine (like raising $num_instances); returns its name. */
  addMachine(userData?: string): string | undefined {
    let name: string | undefined;
    this.act((sim) => (name = sim.addMachine(userData === undefined ? undefined : { userData })));
    return name;
  }

  /** `vagrant destroy` of one machine. */
  destroyMachine(name: string): void {
    this.act((sim) => sim.destroyMachine(name));
  }

  /** Destroys every machine and boots `machines` fresh ones from `userData`. */
  recreate(machines: number, userData: string): void {
    this.act((sim) => sim.recreate({ machines, userData }));
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
    this.syncMachines();
    for (const m of this.snap.machines) this.sessions.get(m.name)?.setPower(m.power);
    if (this.pendingLog.length) {
      const next = this.log.concat(this.pendingLog);
      this.pendingLog = [];
      this.log = next.length > MAX_LOG ? next.slice(-MAX_LOG) : next;
    }
    this.frame++;
  }

  private newSession(m: string): TerminalSession {
    const s = new TerminalSession(this.sim, m);
    if (!this.shellReady) s.hold();
    return s;
  }

  /**
   * Follows the machine list: new machines get a terminal session, destroyed ones lose theirs,
   * and a machine whose host was replaced under the same name (recreate) starts a new session.
   */
  private syncMachines(): void {
    const names = this.snap.machines.map((m) => m.name);
    const same = names.length === this.machines.length && names.every((n, i) => n === this.machines[i]);
    if (same && !this.replacedAll && this.replaced.size === 0) return;
    for (const [m, s] of this.sessions) {
      if (!names.includes(m)) {
        s.close(`${m} was destroyed`);
        this.sessions.delete(m);
      } else if (this.replacedAll || this.replaced.has(m)) s.close(`${m} was destroyed; a new ${m} boots`);
    }
    for (const m of names) if (!this.sessions.has(m)) this.sessions.set(m, this.newSession(m));
    if (this.replacedAll) this.flights.clear();
    this.flights.setHosts(new Set(names));
    this.replaced.clear();
    this.replacedAll = false;
    this.machines = names;
    this.epoch++;
  }

  private onTrace(e: TraceEvent): void {
    if (e.type === 'input') {
      // Inputs may come from elsewhere (a lesson's solution); the machine list follows at the next refresh.
      const i = e.input as { kind: string; machine?: string };
      if (i.kind === 'recreate') this.replacedAll = true;
      else if (i.kind === 'destroyMachine' && i.machine) this.replaced.add(i.machine);
    }
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
