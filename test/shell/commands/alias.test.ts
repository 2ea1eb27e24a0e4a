import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

/** alias, unalias and history, against bash's output. */
describe('alias, unalias, history', () => {
  it('defines, lists and expands aliases on the lines after', async () => {
    const h = new ShellHarness();
    expect(await h.run('alias ll="echo long" e=echo; alias; alias ll')).toMatchObject({
      stdout: "alias e='echo'\nalias ll='echo long'\nalias ll='echo long'\n",
    });
    expect((await h.run('ll x; e y')).stdout).toBe('long x\ny\n');
    // An alias's first word may be another alias, but not itself.
    expect((await h.run('alias echo="echo [" w="ll w"\nw; echo z')).stdout).toBe('[ long w\n[ z\n');
    expect((await h.run('alias t="echo \\"it\'s\\""; alias t')).stdout).toBe(`alias t='echo "it'\\''s"'\n`);
    // Every command start is checked, inside an alias's text too.
    expect((await h.run("alias x='if true; then echo in; fi'\nx; unalias echo\nx")).stdout).toBe('[ in\nin\n');
    expect((await h.run("\\echo plain; 'll'")).stdout).toBe('plain\n');
    // A child shell has none.
    expect((await h.run("bash -c 'll' 2>&1")).stdout).toBe('bash: ll: command not found\n');
  });

  it("unalias, and bash's errors", async () => {
    const h = new ShellHarness();
    expect(await h.run('alias zz')).toMatchObject({ stderr: 'bash: alias: zz: not found\n', code: 1 });
    expect(await h.run('unalias')).toMatchObject({ stderr: 'unalias: usage: unalias [-a] name [name ...]\n', code: 2 });
    expect(await h.run('unalias zz')).toMatchObject({ stderr: 'bash: unalias: zz: not found\n', code: 1 });
    await h.run('alias a=echo b=echo');
    expect((await h.run('unalias a; alias')).stdout).toBe("alias b='echo'\n");
    expect(await h.run('unalias -a; alias; a')).toMatchObject({ stdout: '', stderr: 'bash: a: command not found\n' });
  });

  it('history lists the lines read, numbered as bash does', async () => {
    const h = new ShellHarness();
    await h.run('echo one');
    await h.run('  echo two\n\necho three');
    expect((await h.run('history')).stdout).toBe('    1  echo one\n    2    echo two\n    3  echo three\n    4  history\n');
    expect((await h.run('history 2')).stdout).toBe('    4  history\n    5  history 2\n');
    expect((await h.run('history -c; history')).stdout).toBe('');
  });
});
