import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('tail', () => {
  it('last lines of input', async () => {
    const h = new ShellHarness();
    expect((await h.run('seq 12 | tail')).stdout).toBe('3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n');
    expect((await h.run('seq 5 | tail -n 2')).stdout).toBe('4\n5\n');
    expect((await h.run('seq 5 | tail -1')).stdout).toBe('5\n');
    expect((await h.run('seq 5 | tail -n +4')).stdout).toBe('4\n5\n');
  });

  it('-f waits for Ctrl-C after printing', async () => {
    const h = new ShellHarness();
    const r = await h.run('tail -f /etc/hostname', { interruptAfterMs: 2000 });
    expect(r).toMatchObject({ stdout: 'core-01\n', code: 130, elapsed: 2000 });
  });
});
