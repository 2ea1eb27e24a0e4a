import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

/** kill and wait on the shell's background jobs, worded as bash 4.3. */
describe('kill and wait', () => {
  it('wait waits for a background job and gives its status', async () => {
    const h = new ShellHarness();
    const r = await h.run('(sleep 2; exit 3) & wait $!; echo $?; sleep 1 & wait; echo $?');
    expect(r.stdout).toBe('3\n0\n');
    expect(r.elapsed).toBeGreaterThanOrEqual(3000);
    expect(r.elapsed).toBeLessThan(3100);
  });

  it('kill ends a job by its pid or %number (SIGTERM: 143)', async () => {
    const h = new ShellHarness();
    const r = await h.run('sleep 50 & kill $!; wait $!; echo $?; sleep 50 & kill -INT %1; wait %1; echo $?');
    expect(r).toMatchObject({ stdout: '143\n130\n', stderr: '' });
    expect(r.elapsed).toBeLessThan(100);
    expect((await h.run('kill -0 $$; echo $?')).stdout).toBe('0\n');
  });

  it("bash's errors", async () => {
    const h = new ShellHarness();
    expect(await h.run('kill')).toMatchObject({
      stderr: 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
      code: 2,
    });
    expect(await h.run('kill %1')).toMatchObject({ stderr: 'bash: kill: %1: no such job\n', code: 1 });
    expect(await h.run('kill 99999')).toMatchObject({ stderr: 'bash: kill: (99999) - No such process\n', code: 1 });
    expect(await h.run('kill -q 1')).toMatchObject({ stderr: 'bash: kill: q: invalid signal specification\n', code: 1 });
    expect(await h.run('wait 12345')).toMatchObject({ stderr: 'bash: wait: pid 12345 is not a child of this shell\n', code: 127 });
    expect(await h.run('wait %3')).toMatchObject({ stderr: 'bash: wait: %3: no such job\n', code: 127 });
  });

  it('kill -l lists the signals as bash does', async () => {
    const h = new ShellHarness();
    const lines = (await h.run('kill -l')).stdout.split('\n');
    expect(lines[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(lines[1]).toBe(' 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1');
    expect(lines[12]).toBe('63) SIGRTMAX-1\t64) SIGRTMAX\t');
  });
});
