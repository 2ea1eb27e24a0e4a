import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('mkdir, touch, rm', () => {
  it('make and remove in the home directory', async () => {
    const h = new ShellHarness();
    expect(await h.run('mkdir -p a/b/c && touch a/b/c/f && ls a/b/c')).toMatchObject({ stdout: 'f\n', code: 0 });
    expect(await h.run('mkdir a')).toMatchObject({ stderr: 'mkdir: cannot create directory ‘a’: File exists\n', code: 1 });
    expect(await h.run('mkdir x/y')).toMatchObject({ stderr: 'mkdir: cannot create directory ‘x/y’: No such file or directory\n', code: 1 });
    expect(await h.run('rm a/b/c/f; ls a/b/c')).toMatchObject({ stdout: '', code: 0 });
    expect(await h.run('rm nope')).toMatchObject({ stderr: 'rm: cannot remove ‘nope’: No such file or directory\n', code: 1 });
    expect(await h.run('rm -f nope')).toMatchObject({ stderr: '', code: 0 });
    expect(await h.run('rm a')).toMatchObject({ stderr: 'rm: cannot remove ‘a’: Is a directory\n', code: 1 });
  });

  it('the rest of the tree is root’s', async () => {
    const h = new ShellHarness();
    expect(await h.run('mkdir /opt/x')).toMatchObject({ stderr: 'mkdir: cannot create directory ‘/opt/x’: Permission denied\n', code: 1 });
    expect(await h.run('rm /etc/hostname')).toMatchObject({ stderr: 'rm: cannot remove ‘/etc/hostname’: Permission denied\n', code: 1 });
  });
});
