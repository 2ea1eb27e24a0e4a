import type { LessonState } from './state.ts';

/** What a step's check says: met, or why not yet (shown to the learner). */
export interface CheckResult {
  ok: boolean;
  reason: string;
}

/**
 * One input of a solution. A line is typed into that machine's terminal (visibly on the screen,
 * exec'd in the login shell headlessly) and awaited unless `wait: false` (a watch that never
 * ends); `interrupt` is Ctrl-C in that terminal. Actions are what the screen's buttons do.
 */
export type SolutionInput =
  | { machine: string; line: string; wait?: boolean }
  | { machine: string; interrupt: true }
  | { action: 'writeFile'; machine: string; path: string; content: string }
  | { action: 'addMachine'; userData?: string }
  | { action: 'recreate'; machines: number; userData: string }
  | { action: 'kill'; machine: string }
  | { action: 'boot'; machine: string }
  | { action: 'partition'; groups: string[][] }
  | { action: 'heal' }
  | { action: 'advance'; ms: number };

/**
 * An input worked out when it is played, from the world as it is then: what depends on the run
 * (the discovery URL a curl minted, the machine that leads now) cannot be written in advance.
 */
export interface LateInput {
  action: 'late';
  input: (state: LessonState) => SolutionInput;
}

/** What a step's solution lists. */
export type StepInput = SolutionInput | LateInput;

/** A step as its lesson's `steps.ts` defines it; the text lives in the Markdown. */
export interface StepDef {
  /** Stable id (kept in progress even if steps are reordered). */
  id: string;
  check(state: LessonState): CheckResult;
  /** Shown one at a time; at least one. */
  hints: string[];
  /** Played by "solve"; at least one input. */
  solution: StepInput[];
  /** Virtual ms the world may need after the solution for the check to pass (default 10 s). */
  settleMs?: number;
  /** The check may already hold before this step's solution (e.g. a state an earlier step made). */
  mayPassEarly?: boolean;
}

/** The world a lesson starts in. */
export interface Scenario {
  machines: number;
  seed: number;
  /** cloud-config for every machine; the default is coreos-vagrant's. */
  userData?: string;
  /** A first machine terminal to show. */
  terminal?: string;
}

/** What `lessons/NN-slug/steps.ts` exports by default. */
export interface LessonSteps {
  scenario: Scenario;
  steps: StepDef[];
}

/** A step with its text. */
export interface LessonStep {
  def: StepDef;
  /** The `## ` heading of its section. */
  title: string;
  /** Markdown of its section, heading excluded. */
  body: string;
}

/** A lesson, loaded: front matter, intro, steps. */
export interface Lesson {
  slug: string;
  number: number;
  title: string;
  summary: string;
  /** Markdown before the first step. */
  intro: string;
  scenario: Scenario;
  steps: LessonStep[];
}

/** An entry of the lesson index (all eight, written or not). */
export interface CatalogEntry {
  slug: string;
  number: number;
  title: string;
  summary: string;
  available: boolean;
}
