import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('wc', () => {
  it('one count of one input is the bare number', async () => {
    const h = new ShellHarness();
    expect((await h.run('echo hi | wc -l')).stdout).toBe('1\n');
    expect((await h.run('wc -l /etc/hostname')).stdout).toBe('1 /etc/hostname\n');
  });

  it('all counts of a pipe use 7 columns', async () => {
    const h = new ShellHarness();
    expect((await h.run('echo hello world | wc')).stdout).toBe('      1       2      12\n');
  });

  it('files get widths from their sizes, and a total', async () => {
    const h = new ShellHarness();
    expect((await h.run('wc /etc/hostname')).stdout).toBe('1 1 8 /etc/hostname\n');
    expect((await h.run('wc -c /etc/hostname /etc/hostname')).stdout).toBe(' 8 /etc/hostname\n 8 /etc/hostname\n16 total\n');
    expect(await h.run('wc nofile')).toMatchObject({ stderr: 'wc: nofile: No such file or directory\n', code: 1 });
  });
});
