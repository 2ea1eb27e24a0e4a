import { SETTLE_LIMIT_MS, SimCluster, isSettled, settle } from '../cluster.ts';
import { HeadlessCluster } from '../headless.ts';
import type { RunningCommand } from '../cluster-api.ts';
import { LessonEngine, resolveInput, type Player } from './engine.ts';
import type { LessonState } from './state.ts';
import type { Lesson, Scenario, SolutionInput, StepInput } from './types.ts';

/** Virtual time a command started without waiting gets to get going (a watch to register). */
const BACKGROUND_START_MS = 500;
/** A command in a solution that has not ended after this is stopped (as a learner would). */
const COMMAND_LIMIT_MS = 5 * 60_000;

/**
 * Plays solutions headlessly: lines run in the machine's login shell (as the terminal's do,
 * so variables carry over), each awaited on the cluster's pump; actions call the cluster.
 */
export class HeadlessPlayer implements Player {
  /** Everything the commands printed, per machine, with their prompts: for test failures. */
  readonly transcript = new Map<string, string>();
  private background = new Map<string, RunningCommand>();

  /** `state` works out `late` inputs (the engine's state; without it they cannot be played). */
  constructor(
    readonly cluster: HeadlessCluster,
    private state?: () => LessonState,
  ) {}

  async play(step: StepInput): Promise<void> {
    const c = this.cluster;
    const state = this.state;
    if ('action' in step && step.action === 'late' && !state) throw new Error('HeadlessPlayer: a late input needs the lesson state');
    const input = state ? resolveInput(step, state) : (step as SolutionInput);
    if ('action' in input) {
      switch (input.action) {
        case 'writeFile':
          return c.writeFile(input.machine, input.path, input.content);
        case 'addMachine':
          await c.addMachine({ userData: input.userData });
          return;
        case 'recreate': {
          c.sim.recreate({ machines: input.machines, userData: input.userData });
          // As createCluster: until the fresh machines run and etcd (if any) has settled.
          await c.pump.until(() => isSettled(c.sim), SETTLE_LIMIT_MS);
          return;
        }
        case 'kill':
          return c.kill(input.machine);
        case 'boot':
          return c.boot(input.machine);
        case 'partition':
          return c.partition(...input.groups);
        case 'heal':
          return c.heal();
        case 'advance':
          return c.advance(input.ms);
      }
    }
    if ('interrupt' in input) {
      const cmd = this.background.get(input.machine);
      this.background.delete(input.machine);
      if (!cmd) return;
      cmd.interrupt();
      await c.pump.hold(cmd.done);
      return;
    }
    const out = { write: (s: string) => this.transcript.set(input.machine, (this.transcript.get(input.machine) ?? '') + s) };
    out.write(`$ ${input.line}\n`);
    const cmd = c.sim.spawn(input.machine, input.line, { stdout: out, stderr: out });
    if (input.wait === false) {
      this.background.set(input.machine, cmd);
      await c.advance(BACKGROUND_START_MS);
      return;
    }
    const timer = c.sim.world.clock.schedule(() => cmd.interrupt('timeout'), COMMAND_LIMIT_MS);
    c.sim.world.wake();
    await c.pump.hold(cmd.done);
    c.sim.world.clock.cancel(timer);
  }
}

/** A lesson running headlessly: a fresh cluster from its scenario, the engine and a player. */
export interface HeadlessLesson {
  cluster: HeadlessCluster;
  engine: LessonEngine;
  player: HeadlessPlayer;
  /** Lets the world run until the current step's check passes or `limitMs` passes. */
  settleStep(limitMs?: number): Promise<boolean>;
}

export async function clusterFor(scenario: Scenario): Promise<HeadlessCluster> {
  const sim = new SimCluster({ machines: scenario.machines, seed: scenario.seed, userData: scenario.userData, traceCapacity: 0 });
  const cluster = new HeadlessCluster(sim);
  await settle(sim, (cond, limit) => cluster.pump.until(cond, limit));
  return cluster;
}

export async function startHeadlessLesson(lesson: Lesson): Promise<HeadlessLesson> {
  const cluster = await clusterFor(lesson.scenario);
  const engine = new LessonEngine(lesson, cluster.sim);
  const player = new HeadlessPlayer(cluster, () => engine.state());
  return {
    cluster,
    engine,
    player,
    settleStep: (limitMs = engine.steps[engine.current]?.def.settleMs ?? 10_000) =>
      cluster.pump.until(() => engine.check().ok, limitMs),
  };
}
