import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

/** declare, typeset and readonly, against bash's output. */
describe('declare and readonly', () => {
  it('sets and prints variables with their attributes', async () => {
    const h = new ShellHarness();
    const r = await h.run('declare -x D=5; declare -p D; declare A=1; declare -p A; typeset -r Z=\'a"b\'; declare -p Z');
    expect(r).toMatchObject({ stdout: 'declare -x D="5"\ndeclare -- A="1"\ndeclare -r Z="a\\"b"\n', stderr: '' });
    expect(await h.run('declare -p nosuch; echo $?')).toMatchObject({ stdout: '1\n', stderr: 'bash: declare: nosuch: not found\n' });
    expect((await h.run('printenv D')).stdout).toBe('5\n');
  });

  it('readonly variables refuse to change, as bash says', async () => {
    const h = new ShellHarness();
    expect(await h.run('readonly X=1; X=2; echo after')).toMatchObject({ stdout: '', stderr: 'bash: X: readonly variable\n', code: 1 });
    expect(await h.run('X=3 echo cmd; echo $?')).toMatchObject({ stdout: 'cmd\n0\n', stderr: 'bash: X: readonly variable\n' });
    expect(await h.run('unset X; echo $?; export X=4; echo $?; declare -p X')).toMatchObject({
      stdout: '1\n1\ndeclare -rx X="1"\n',
      stderr: 'bash: unset: X: cannot unset: readonly variable\nbash: X: readonly variable\n',
    });
    expect(await h.run('for X in 1; do echo loop; done; echo $?')).toMatchObject({ stdout: '1\n', stderr: 'bash: X: readonly variable\n' });
    expect(await h.run('declare X=2; echo $?; readonly X=3; echo $?')).toMatchObject({
      stdout: '1\n1\n',
      stderr: 'bash: declare: X: readonly variable\nbash: X: readonly variable\n',
    });
    expect(await h.run('f() { local X=5; }; f; echo $?')).toMatchObject({ stdout: '1\n', stderr: 'bash: local: X: readonly variable\n' });
    expect(await h.run('UID=3; echo no')).toMatchObject({ stdout: '', stderr: 'bash: UID: readonly variable\n', code: 1 });
    expect((await h.run('readonly Y; readonly -p | grep -v UID | grep -v PPID')).stdout).toBe('declare -rx X="1"\ndeclare -r Y\n');
  });

  it('rejects unknown options', async () => {
    const h = new ShellHarness();
    expect(await h.run('declare -q x')).toMatchObject({
      stderr: 'bash: declare: -q: invalid option\ndeclare: usage: declare [-aAfFgilnrtux] [-p] [name[=value] ...]\n',
      code: 2,
    });
  });
});
