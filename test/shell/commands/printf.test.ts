import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('printf (bash builtin)', () => {
  it('formats and reuses the format for extra arguments', async () => {
    const h = new ShellHarness();
    expect((await h.run("printf '%s\\n' a b c")).stdout).toBe('a\nb\nc\n');
    expect((await h.run("printf '%d-%s|' 1 x 2 y")).stdout).toBe('1-x|2-y|');
    expect((await h.run("printf '%5s|%-5s|%05d|%x|%.2f\\n' ab cd 42 255 3.14159")).stdout).toBe('   ab|cd   |00042|ff|3.14\n');
    expect((await h.run("printf 'no newline'")).stdout).toBe('no newline');
    expect((await h.run("printf '%b' 'a\\tb\\n'")).stdout).toBe('a\tb\n');
    expect((await h.run("printf '100%%\\n'")).stdout).toBe('100%\n');
  });

  it('octal and hex escapes in the format take all their digits', async () => {
    const h = new ShellHarness();
    expect((await h.run("printf '\\101\\0102\\x41\\x4a|\\1x' | cat -A")).stdout).toBe('A^H2AJ|^Ax');
  });

  it('complains about numbers that are not', async () => {
    const h = new ShellHarness();
    expect(await h.run("printf '%d\\n' abc")).toMatchObject({ stdout: '0\n', stderr: 'bash: printf: abc: invalid number\n', code: 1 });
  });
});
