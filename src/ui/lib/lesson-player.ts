import { extrasLoader } from './sim-loader.ts';
import type { Player } from '../../learn/engine.ts';
import type { SolutionInput } from '../../learn/types.ts';
import type { Runner } from './runner.svelte.ts';
import type { UiState } from './ui-state.svelte.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits (wall time) until `cond` holds or `limitMs` passes; returns whether it holds. */
async function until(cond: () => boolean, limitMs: number): Promise<boolean> {
  const end = performance.now() + limitMs;
  while (!cond()) {
    if (performance.now() > end) return false;
    await sleep(40);
  }
  return true;
}

/**
 * Plays a solution on screen: lines are typed into the machine's terminal key by key (the
 * learner sees them, and they are the same inputs a learner's typing makes); actions go through
 * the runner as the buttons' do.
 */
export class UiPlayer implements Player {
  constructor(
    private runner: Runner,
    private ui: UiState,
    private charDelayMs = 14,
  ) {}

  async play(input: SolutionInput): Promise<void> {
    const r = this.runner;
    // A lesson's actions may boot etcd 0.4 or send requests: those parts first.
    await extrasLoader();
    if (!r.playing) r.togglePlay();
    if ('action' in input) {
      switch (input.action) {
        case 'writeFile':
          return r.act((s) => s.writeFile(input.machine, input.path, input.content));
        case 'kill':
          return r.act((s) => s.kill(input.machine));
        case 'boot':
          return r.act((s) => s.boot(input.machine));
        case 'partition':
          return r.act((s) => s.partition(input.groups));
        case 'heal':
          return r.act((s) => s.heal());
        case 'addMachine':
          r.addMachine(input.userData);
          return;
        case 'recreate':
          return r.recreate(input.machines, input.userData);
        case 'advance': {
          const target = r.sim.now() + input.ms;
          // Virtual time runs at the chosen speed; wait for it (bounded: 3 s of wall time per virtual s at 1x).
          await until(() => r.sim.now() >= target, Math.max(2000, (input.ms / Math.max(0.01, r.speed)) * 3));
          return;
        }
      }
    }
    const session = r.sessions.get(input.machine);
    if (!session) return;
    this.ui.terminal = input.machine;
    this.ui.focusTerminal++;
    if ('interrupt' in input) {
      session.input('\x03');
      await until(() => session.state !== 'running', 3000);
      return;
    }
    await until(() => session.state === 'connected', 30_000);
    for (const ch of input.line) {
      session.input(ch);
      await sleep(this.charDelayMs);
    }
    session.input('\r');
    await sleep(50);
    if (input.wait === false) {
      await sleep(500);
      return;
    }
    await until(() => session.state !== 'running', 120_000);
  }
}
