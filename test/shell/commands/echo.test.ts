import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('echo (bash builtin)', () => {
  it('joins its arguments with spaces and a newline', async () => {
    const h = new ShellHarness();
    expect((await h.run('echo a   b c')).stdout).toBe('a b c\n');
    expect((await h.run('echo')).stdout).toBe('\n');
  });

  it('-n, -e, -E and words that only look like options', async () => {
    const h = new ShellHarness();
    expect((await h.run('echo -n hi')).stdout).toBe('hi');
    expect((await h.run("echo -e 'a\\tb\\nc'")).stdout).toBe('a\tb\nc\n');
    expect((await h.run("echo 'a\\tb'")).stdout).toBe('a\\tb\n');
    expect((await h.run("echo -ne 'x\\n'")).stdout).toBe('x\n');
    expect((await h.run("echo -e 'stop\\chere'")).stdout).toBe('stop');
    expect((await h.run('echo -x -n-')).stdout).toBe('-x -n-\n');
    expect((await h.run("echo -e '\\x41\\0102'")).stdout).toBe('AB\n');
  });
});
