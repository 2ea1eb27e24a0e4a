import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('cd and pwd', () => {
  it('moves around and back', async () => {
    const h = new ShellHarness();
    expect((await h.run('pwd; cd /etc; pwd; cd ..; pwd; cd; pwd')).stdout).toBe('/home/core\n/etc\n/\n/home/core\n');
    expect((await h.run('cd /tmp; cd -; echo $PWD')).stdout).toBe('/home/core\n/home/core\n');
  });

  it("bash's errors", async () => {
    const h = new ShellHarness();
    expect(await h.run('cd nope')).toMatchObject({ stderr: 'bash: cd: nope: No such file or directory\n', code: 1 });
    expect(await h.run('cd /etc/hostname')).toMatchObject({ stderr: 'bash: cd: /etc/hostname: Not a directory\n', code: 1 });
    expect(await h.run('cd -')).toMatchObject({ stderr: 'bash: cd: OLDPWD not set\n', code: 1 });
  });
});
