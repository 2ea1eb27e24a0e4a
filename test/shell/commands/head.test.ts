import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('head', () => {
  it('first lines of input', async () => {
    const h = new ShellHarness();
    expect((await h.run('seq 20 | head')).stdout).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
    expect((await h.run('seq 5 | head -n 2')).stdout).toBe('1\n2\n');
    expect((await h.run('seq 5 | head -2')).stdout).toBe('1\n2\n');
    expect((await h.run('seq 5 | head -n -3')).stdout).toBe('1\n2\n');
    expect((await h.run('echo abcdef | head -c 3')).stdout).toBe('abc');
  });

  it('headers for several files, errors for missing ones', async () => {
    const h = new ShellHarness();
    expect((await h.run('head -n 1 /etc/hostname /etc/hostname')).stdout).toBe('==> /etc/hostname <==\ncore-01\n\n==> /etc/hostname <==\ncore-01\n');
    expect(await h.run('head nofile')).toMatchObject({ stderr: 'head: cannot open ‘nofile’ for reading: No such file or directory\n', code: 1 });
  });
});
