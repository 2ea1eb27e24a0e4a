import { InputHistory } from './history.ts';
import { LessonState, type LessonWorld } from './state.ts';
import type { CheckResult, Lesson, SolutionInput, StepInput } from './types.ts';
import type { LessonProgress } from './progress.ts';

/** A solution input as it is played: a `late` one worked out from the state now. */
export function resolveInput(input: StepInput, state: () => LessonState): SolutionInput {
  return 'action' in input && input.action === 'late' ? input.input(state()) : input;
}

/** Plays one solution input into the world: typed into a terminal on screen, exec'd headlessly. */
export interface Player {
  play(input: SolutionInput): Promise<void>;
}

export type StepStatus = 'done' | 'current' | 'todo';

/**
 * Runs one lesson over one world: evaluates the current step's check as the world changes,
 * marks steps done (and moves on to the next one not done), gives hints one at a time and plays
 * solutions. It never changes the world itself except through a Player.
 */
export class LessonEngine {
  current = 0;
  readonly done: boolean[];
  /** How many hints of each step have been shown. */
  readonly hintsShown: number[];
  /** The current step's last check. */
  result: CheckResult = { ok: false, reason: '' };
  solving = false;
  /** Called whenever something the panel shows changed. */
  onChange: () => void = () => undefined;
  private history: InputHistory;

  constructor(
    readonly lesson: Lesson,
    private world: LessonWorld,
    saved?: LessonProgress,
  ) {
    this.history = new InputHistory(
      (l) => world.subscribe(l),
      (m) => {
        try {
          return world.etcd(m).diskRef.etcd?.store.index();
        } catch {
          return undefined;
        }
      },
    );
    const n = lesson.steps.length;
    this.done = lesson.steps.map((s) => !!saved?.done.includes(s.def.id));
    this.hintsShown = new Array<number>(n).fill(0);
    this.current = Math.min(Math.max(0, saved?.step ?? this.firstTodo()), n - 1);
  }

  get steps() {
    return this.lesson.steps;
  }

  get complete(): boolean {
    return this.done.every(Boolean);
  }

  status(i: number): StepStatus {
    return this.done[i] ? 'done' : i === this.current ? 'current' : 'todo';
  }

  /** The state a check reads, now. */
  state(): LessonState {
    return new LessonState(this.world, this.history);
  }

  /** Runs the check of step `i` (default: the current one) against the world now. */
  check(i = this.current): CheckResult {
    const def = this.lesson.steps[i]?.def;
    if (!def) return { ok: false, reason: 'no such step' };
    try {
      const r = def.check(this.state());
      return { ok: !!r.ok, reason: r.ok ? '' : r.reason };
    } catch (err) {
      // A check must not take the panel down; say what broke.
      return { ok: false, reason: `This step's check failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  /**
   * Evaluates the current step; when it passes it is marked done and the lesson moves to the
   * next step not done yet. Returns true when a step was completed.
   */
  evaluate(): boolean {
    const r = this.check();
    const changed = r.ok !== this.result.ok || r.reason !== this.result.reason;
    this.result = r;
    if (r.ok && !this.done[this.current]) {
      this.done[this.current] = true;
      const next = this.nextTodo(this.current);
      if (next !== undefined && next > this.current) this.goTo(next);
      else this.onChange();
      return true;
    }
    if (changed) this.onChange();
    return false;
  }

  goTo(i: number): void {
    if (i < 0 || i >= this.lesson.steps.length) return;
    this.current = i;
    this.result = this.check();
    this.onChange();
  }

  /** The next hint of the current step, or undefined when all are shown. */
  nextHint(): string | undefined {
    const hints = this.lesson.steps[this.current]!.def.hints;
    const shown = this.hintsShown[this.current]!;
    if (shown >= hints.length) return undefined;
    this.hintsShown[this.current] = shown + 1;
    this.onChange();
    return hints[shown];
  }

  /** Hints of step `i` shown so far. */
  hints(i = this.current): string[] {
    return this.lesson.steps[i]!.def.hints.slice(0, this.hintsShown[i]);
  }

  /** Plays the current step's solution through `player`, input after input. */
  async solve(player: Player): Promise<void> {
    if (this.solving) return;
    this.solving = true;
    this.onChange();
    try {
      for (const input of this.lesson.steps[this.current]!.def.solution) await player.play(resolveInput(input, () => this.state()));
    } finally {
      this.solving = false;
      this.onChange();
    }
  }

  /** What progress keeps of this lesson. */
  progress(): LessonProgress {
    return { step: this.current, done: this.lesson.steps.filter((_, i) => this.done[i]).map((s) => s.def.id) };
  }

  dispose(): void {
    this.history.dispose();
  }

  private firstTodo(): number {
    const i = this.done.indexOf(false);
    return i < 0 ? 0 : i;
  }

  private nextTodo(from: number): number | undefined {
    const n = this.done.length;
    for (let k = 1; k <= n; k++) {
      const i = (from + k) % n;
      if (!this.done[i]) return i;
    }
    return undefined;
  }
}
