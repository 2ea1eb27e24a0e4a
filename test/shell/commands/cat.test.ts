import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('cat', () => {
  it('prints files in order and reports missing ones', async () => {
    const h = new ShellHarness();
    const r = await h.run('cat /etc/hostname nope /etc/hostname');
    expect(r).toMatchObject({ stdout: 'core-01\ncore-01\n', stderr: 'cat: nope: No such file or directory\n', code: 1 });
    expect(await h.run('cat /etc')).toMatchObject({ stderr: 'cat: /etc: Is a directory\n', code: 1 });
  });

  it('-A, -v, -E, -T show what is invisible, as coreutils does', async () => {
    const h = new ShellHarness();
    expect((await h.run("printf '%s\\n' $'tab\\there' $'\\x01x\\x7f' | cat -A")).stdout).toBe('tab^Ihere$\n^Ax^?$\n');
    expect((await h.run("printf 'a\\tb\\n' | cat -T; echo a | cat -E; echo $'\\x01\\t' | cat -v")).stdout).toBe('a^Ib\na$\n^A\t\n');
    expect((await h.run('printf "a\\tb\\n" | cat -nA')).stdout).toBe('     1\ta^Ib$\n');
  });

  it('copies standard input, and `-`', async () => {
    const h = new ShellHarness();
    expect((await h.run('cat', { stdin: 'piped\n' })).stdout).toBe('piped\n');
    expect((await h.run('echo mid | cat /etc/hostname - /etc/hostname')).stdout).toBe('core-01\nmid\ncore-01\n');
    expect((await h.run('printf_none 2>/dev/null; echo -e "a\\nb" | cat -n')).stdout).toBe('     1\ta\n     2\tb\n');
  });

  it('with the terminal as stdin waits for Ctrl-C', async () => {
    const h = new ShellHarness();
    const r = await h.run('cat', { interruptAfterMs: 3000 });
    expect(r.elapsed).toBe(3000);
  });
});
