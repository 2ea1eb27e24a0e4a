import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

/** eval, let and local, checked against bash. */
describe('eval, let, local', () => {
  it('eval runs its arguments, joined, in this shell', async () => {
    const h = new ShellHarness();
    expect(await h.run('a=5; eval "echo \\$a; b=7"; echo $b; eval; echo $?')).toMatchObject({ stdout: '5\n7\n0\n', stderr: '' });
    expect((await h.run('cmd="echo x | tr x y"; eval $cmd')).stdout).toBe('y\n');
  });

  it('let evaluates arithmetic; its status says whether the last value was 0', async () => {
    const h = new ShellHarness();
    expect(await h.run('let "a = 2 + 3" b=0; echo $? $a; let a++; echo $? $a')).toMatchObject({ stdout: '1 5\n0 6\n' });
    expect(await h.run('let; echo $?')).toMatchObject({ stdout: '1\n', stderr: 'bash: let: expression expected\n' });
    expect(await h.run('let 1/0; echo $?')).toMatchObject({ stdout: '1\n', stderr: 'bash: let: 1/0: division by 0 (error token is "0")\n' });
  });

  it('local gives a function its own variables', async () => {
    const h = new ShellHarness();
    expect(await h.run('local x=1; echo $?')).toMatchObject({ stdout: '1\n', stderr: 'bash: local: can only be used in a function\n' });
    const r = await h.run('a=5; f() { local a=9 c; a=10; echo $a ${c-unset}; g; }; g() { echo g$a; }; f; echo $a ${c-u}');
    expect(r).toMatchObject({ stdout: '10 unset\ng10\n5 u\n', stderr: '' });
    expect((await h.run('export E=1; f() { local E=2; printenv E; }; f; printenv E')).stdout).toBe('2\n1\n');
  });
});
