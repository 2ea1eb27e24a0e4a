import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('sudo', () => {
  it('runs a command as root', async () => {
    const h = new ShellHarness();
    expect((await h.run('sudo whoami; whoami')).stdout).toBe('root\ncore\n');
    expect(await h.run('sudo touch /etc/x; ls /etc/x')).toMatchObject({ stdout: '/etc/x\n', code: 0 });
    expect(await h.run('touch /etc/y')).toMatchObject({ stderr: 'touch: cannot touch ‘/etc/y’: Permission denied\n', code: 1 });
  });

  it('redirections stay the user’s', async () => {
    const h = new ShellHarness();
    expect(await h.run('sudo echo x > /etc/z')).toMatchObject({ stderr: 'bash: /etc/z: Permission denied\n', code: 1 });
    expect(await h.run("sudo sh -c 'echo x > /etc/z'; cat /etc/z")).toMatchObject({ stdout: 'x\n', code: 0 });
  });

  it('unknown commands', async () => {
    const h = new ShellHarness();
    expect(await h.run('sudo nosuch')).toMatchObject({ stderr: 'sudo: nosuch: command not found\n', code: 1 });
  });
});
