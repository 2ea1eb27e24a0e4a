import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('export, unset, env, printenv', () => {
  it('exports to child processes', async () => {
    const h = new ShellHarness();
    expect((await h.run('export A=1 B; B=2; env | grep "^[AB]="')).stdout).toBe('A=1\nB=2\n');
    expect((await h.run('unset A; printenv A; echo $?')).stdout).toBe('1\n');
  });

  it('lists exports as declare -x, sorted', async () => {
    const h = new ShellHarness({ shell: { env: {} } });
    const r = await h.run('export Q=\'say "hi"\'; export -p | grep Q');
    expect(r.stdout).toBe('declare -x Q="say \\"hi\\""\n');
  });

  it('rejects bad names', async () => {
    const h = new ShellHarness();
    expect(await h.run('export 1a=b')).toMatchObject({ stderr: "bash: export: `1a=b': not a valid identifier\n", code: 1 });
    expect(await h.run('unset 1a')).toMatchObject({ stderr: "bash: unset: `1a': not a valid identifier\n", code: 1 });
  });

  it('env runs a command with extra variables', async () => {
    const h = new ShellHarness();
    expect((await h.run('env FOO=bar printenv FOO')).stdout).toBe('bar\n');
    expect((await h.run('env -i A=1 env')).stdout).toBe('A=1\n');
    expect(await h.run('env nosuch')).toMatchObject({ stderr: 'env: ‘nosuch’: No such file or directory\n', code: 127 });
  });

  it('the login environment', async () => {
    const h = new ShellHarness();
    const env = (await h.run('env')).stdout;
    expect(env).toContain('HOME=/home/core\n');
    expect(env).toContain('USER=core\n');
    expect(env).toContain('COREOS_PRIVATE_IPV4=172.17.8.101\n');
    expect(env).not.toContain('HOSTNAME=');
  });
});

describe('$_ in a program’s environment', () => {
  it('is the program’s path, last', async () => {
    const h = new ShellHarness();
    expect((await h.run('env | tail -n 1')).stdout).toBe('_=/usr/bin/env\n');
    expect((await h.run('printenv _')).stdout).toBe('/usr/bin/printenv\n');
  });
});
