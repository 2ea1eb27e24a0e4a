import { setup } from 'xstate';

export interface PowerInput {
  /** How long a boot takes, virtual ms. */
  bootMs: () => number;
  /** How long an orderly shutdown takes before a reboot boots again, virtual ms. */
  shutdownMs: number;
  onBooting: () => void;
  onRunning: () => void;
  /** Power cut or shutdown: everything in memory is gone. */
  onDown: (state: 'crashed' | 'rebooting' | 'off') => void;
}

export type PowerEvent = { type: 'BOOT' } | { type: 'KILL' } | { type: 'REBOOT' } | { type: 'SHUTDOWN' };

/**
 * A machine's power: off -> booting -> running; a kill crashes it from any powered state; a
 * reboot shuts down in order and boots again.
 */
export const powerMachine = setup({
  types: {
    context: {} as PowerInput,
    input: {} as PowerInput,
    events: {} as PowerEvent,
  },
  delays: {
    boot: ({ context }) => context.bootMs(),
    shutdown: ({ context }) => context.shutdownMs,
  },
  actions: {
    booting: ({ context }) => context.onBooting(),
    running: ({ context }) => context.onRunning(),
    crashed: ({ context }) => context.onDown('crashed'),
    rebooting: ({ context }) => context.onDown('rebooting'),
    off: ({ context }) => context.onDown('off'),
  },
}).createMachine({
  id: 'power',
  context: ({ input }) => input,
  initial: 'off',
  states: {
    off: { on: { BOOT: 'booting' } },
    booting: {
      entry: 'booting',
      after: { boot: 'running' },
      on: { KILL: 'crashed' },
    },
    running: {
      entry: 'running',
      on: { KILL: 'crashed', REBOOT: 'rebooting', SHUTDOWN: 'shuttingDown' },
    },
    rebooting: {
      entry: 'rebooting',
      after: { shutdown: 'booting' },
      on: { KILL: 'crashed' },
    },
    shuttingDown: {
      entry: 'off',
      always: 'off',
    },
    crashed: {
      entry: 'crashed',
      on: { BOOT: 'booting' },
    },
  },
});
