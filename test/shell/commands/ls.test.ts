import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';
import { columns } from '../../../src/shell/commands/ls.ts';

describe('ls', () => {
  it('lists a directory, one per line into a pipe', async () => {
    const h = new ShellHarness();
    h.host.fs.write('/home/core/b.txt', 'x');
    h.host.fs.write('/home/core/a.txt', 'y');
    h.host.fs.write('/home/core/.hidden', 'z');
    expect((await h.run('ls | cat')).stdout).toBe('a.txt\nb.txt\n');
    expect((await h.run('ls -a | cat')).stdout).toBe('.\n..\n.hidden\na.txt\nb.txt\n');
    expect((await h.run('ls')).stdout).toBe('a.txt  b.txt\n');
    expect((await h.run('ls /etc/hostname')).stdout).toBe('/etc/hostname\n');
  });

  it('reports missing names with status 2', async () => {
    const h = new ShellHarness();
    expect(await h.run('ls /nope')).toMatchObject({ stderr: 'ls: cannot access /nope: No such file or directory\n', code: 2 });
  });

  it('columns fill top to bottom within 80 characters', () => {
    const names = Array.from({ length: 12 }, (_, i) => `file-number-${i}`);
    const out = columns(names);
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(out.split('\n')[0]!.startsWith('file-number-0  file-number-')).toBe(true);
  });
});
