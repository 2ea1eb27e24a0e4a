import type { LessonEngine, StepStatus } from '../../learn/engine.ts';
import { ProgressStore, type KeyValueStorage } from '../../learn/progress.ts';
import type { LessonWorld } from '../../learn/state.ts';
import type { Lesson } from '../../learn/types.ts';
import type { Runner } from './runner.svelte.ts';
import type { SimOptions } from './sim-loader.ts';
import type { Router, Route } from './router.svelte.ts';
import type { UiState } from './ui-state.svelte.ts';

/** What the lesson panel shows, copied out of the engine whenever it changes. */
export interface LessonView {
  current: number;
  statuses: StepStatus[];
  reason: string;
  hints: string[];
  hintsLeft: number;
  solving: boolean;
  complete: boolean;
}

/** How often (wall ms) the current step's check runs while the world moves. */
const CHECK_EVERY_MS = 150;

function localStorageOrUndefined(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The lesson side of the screen: follows the route, loads a lesson into a fresh world (its
 * scenario), runs the engine over the runner's world, keeps progress.
 */
export class LessonController {
  lesson: Lesson | undefined = $state.raw();
  /** Markdown to sanitized HTML; fetched with the lesson (marked and DOMPurify stay out of the first load). */
  render: (md: string) => string = $state.raw(() => '');
  view: LessonView | undefined = $state.raw();
  loading = $state(false);
  error = $state('');
  /** Progress problems (a corrupt entry reset, a bad import). */
  notice = $state('');
  readonly progress: ProgressStore;
  /** Bumped when progress changes (the index re-reads it). */
  progressVersion = $state(0);
  private engine: LessonEngine | undefined;
  /** The engine's class, fetched with the first lesson (the sandbox's first load does without). */
  private Engine: typeof LessonEngine | undefined;
  private runner: Runner | undefined;
  private mode: 'none' | 'sandbox' | 'lesson' = 'none';
  private generation = 0;
  private lastCheck = 0;

  constructor(
    private deps: {
      restart: (o: SimOptions) => Promise<Runner>;
      router: Router;
      ui: UiState;
      sandbox: SimOptions;
      storage?: KeyValueStorage;
    },
  ) {
    this.progress = new ProgressStore(deps.storage ?? localStorageOrUndefined());
    if (this.progress.problem) this.notice = this.progress.problem;
  }

  /** Brings the world and the lesson in line with the route. */
  async follow(route: Route): Promise<void> {
    if (route.kind === 'index') return;
    if (route.kind === 'sandbox') {
      if (this.mode === 'sandbox') return;
      const gen = ++this.generation;
      this.close();
      this.mode = 'sandbox';
      const r = await this.deps.restart(this.deps.sandbox);
      if (gen === this.generation) this.runner = r;
      return;
    }
    if (this.lesson?.slug === route.slug && this.engine && this.mode === 'lesson') {
      if (route.step !== undefined && route.step !== this.engine.current) this.engine.goTo(route.step);
      return;
    }
    await this.openLesson(route.slug, route.step);
  }

  private async openLesson(slug: string, step: number | undefined, fresh = false): Promise<void> {
    const gen = ++this.generation;
    this.close();
    this.mode = 'lesson';
    this.loading = true;
    this.error = '';
    try {
      const [{ loadLesson }, { renderLessonMarkdown }, { LessonEngine }] = await Promise.all([
        import('../../learn/load.ts'),
        import('./lesson-markdown.ts'),
        import('../../learn/engine.ts'),
      ]);
      const lesson = await loadLesson(slug);
      this.render = renderLessonMarkdown;
      this.Engine = LessonEngine;
      if (gen !== this.generation) return;
      this.lesson = lesson;
      const sc = lesson.scenario;
      const runner = await this.deps.restart({ machines: sc.machines, seed: sc.seed, speed: this.deps.sandbox.speed, userData: sc.userData });
      if (gen !== this.generation) return;
      this.runner = runner;
      if (sc.terminal) this.deps.ui.terminal = sc.terminal;
      const saved = fresh ? undefined : this.progress.get(slug);
      const engine = new LessonEngine(lesson, runner.sim as unknown as LessonWorld, saved);
      this.engine = engine;
      engine.onChange = () => this.changed();
      if (step !== undefined) engine.goTo(Math.min(step, lesson.steps.length - 1));
      else engine.goTo(engine.current);
    } catch (err) {
      if (gen !== this.generation) return;
      this.error = err instanceof Error ? err.message : String(err);
      console.warn('lesson failed to load:', err);
    } finally {
      if (gen === this.generation) this.loading = false;
    }
  }

  /** Runs the current step's check (throttled); called on every frame of the world. */
  tick(now = performance.now()): void {
    if (!this.engine || now - this.lastCheck < CHECK_EVERY_MS) return;
    this.lastCheck = now;
    this.engine.evaluate();
  }

  goTo(i: number): void {
    this.engine?.goTo(i);
  }

  nextHint(): void {
    this.engine?.nextHint();
  }

  async solve(): Promise<void> {
    if (!this.engine || !this.runner) return;
    const { UiPlayer } = await import('./lesson-player.ts');
    await this.engine.solve(new UiPlayer(this.runner, this.deps.ui));
    this.lastCheck = 0;
    this.tick();
  }

  /** A fresh world and no step done. */
  async reset(): Promise<void> {
    if (!this.lesson) return;
    this.progress.reset(this.lesson.slug);
    this.progressVersion++;
    await this.openLesson(this.lesson.slug, 0, true);
  }

  exportProgress(): string {
    return this.progress.exportText();
  }

  importProgress(text: string): void {
    const err = this.progress.importText(text);
    this.notice = err ?? 'Progress imported.';
    this.progressVersion++;
    if (!err && this.lesson && this.engine && this.runner && this.Engine) {
      // Same world, the imported steps' states.
      const saved = this.progress.get(this.lesson.slug);
      this.engine.dispose();
      const engine = new this.Engine(this.lesson, this.runner.sim as unknown as LessonWorld, saved);
      this.engine = engine;
      engine.onChange = () => this.changed();
      engine.goTo(engine.current);
    }
  }

  private changed(): void {
    const e = this.engine;
    if (!e || !this.lesson) return;
    this.view = {
      current: e.current,
      statuses: e.steps.map((_, i) => e.status(i)),
      reason: e.result.ok ? '' : e.result.reason,
      hints: e.hints(),
      hintsLeft: e.steps[e.current]!.def.hints.length - e.hints().length,
      solving: e.solving,
      complete: e.complete,
    };
    this.progress.set(this.lesson.slug, e.progress());
    this.progressVersion++;
    const r = this.deps.router.route;
    if (r.kind === 'lesson' && r.slug === this.lesson.slug && r.step !== e.current) this.deps.router.replace({ kind: 'lesson', slug: this.lesson.slug, step: e.current });
  }

  private close(): void {
    this.engine?.dispose();
    this.engine = undefined;
    this.lesson = undefined;
    this.view = undefined;
    this.runner = undefined;
  }
}
