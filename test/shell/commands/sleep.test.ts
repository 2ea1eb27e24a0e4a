import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('sleep', () => {
  it('waits in virtual time: N, Ns, decimals, minutes, sums', async () => {
    const h = new ShellHarness();
    expect(await h.run('sleep 2')).toMatchObject({ code: 0, elapsed: 2000 });
    expect(await h.run('sleep 1.5s')).toMatchObject({ code: 0, elapsed: 1500 });
    expect(await h.run('sleep .25')).toMatchObject({ code: 0, elapsed: 250 });
    expect(await h.run('sleep 1m 1')).toMatchObject({ code: 0, elapsed: 61000 });
  });

  it('is interrupted by Ctrl-C (130) and a timeout (143)', async () => {
    const h = new ShellHarness();
    expect(await h.run('sleep 10', { interruptAfterMs: 1000 })).toMatchObject({ code: 130, elapsed: 1000 });
    expect(await h.run('sleep infinity', { interruptAfterMs: 500, interruptReason: 'timeout' })).toMatchObject({ code: 143, elapsed: 500 });
  });

  it('rejects bad intervals as coreutils does', async () => {
    const h = new ShellHarness();
    expect(await h.run('sleep')).toMatchObject({ stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", code: 1 });
    // getopt sees options first: a negative number is one.
    expect(await h.run('sleep -1')).toMatchObject({ stderr: "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n", code: 1 });
    expect(await h.run('sleep --x 1')).toMatchObject({ stderr: "sleep: unrecognized option '--x'\nTry 'sleep --help' for more information.\n", code: 1 });
    expect(await h.run('sleep x')).toMatchObject({ stderr: "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n", code: 1 });
  });
});
