import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('hostname, whoami, uname, clear, true/false, help', () => {
  it('hostname and whoami', async () => {
    const h = new ShellHarness();
    expect((await h.run('hostname')).stdout).toBe('core-01\n');
    expect((await h.run('hostname -i')).stdout).toBe('172.17.8.101\n');
    expect((await h.run('whoami')).stdout).toBe('core\n');
  });

  it('uname', async () => {
    const h = new ShellHarness();
    expect((await h.run('uname')).stdout).toBe('Linux\n');
    expect((await h.run('uname -n -s')).stdout).toBe('Linux core-01\n');
    expect((await h.run('uname -a')).stdout).toMatch(/^Linux core-01 \S+-coreos .* x86_64 GNU\/Linux\n$/);
  });

  it('clear writes the ANSI clear sequence', async () => {
    const h = new ShellHarness();
    expect((await h.run('clear')).stdout).toBe('\x1b[H\x1b[2J');
  });

  it('true, false, :', async () => {
    const h = new ShellHarness();
    expect((await h.run('true; echo $?; false; echo $?; :; echo $?')).stdout).toBe('0\n1\n0\n');
  });

  it('help lists the commands and names the cluster tools', async () => {
    const h = new ShellHarness();
    const r = await h.run('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^GNU bash, version/);
    expect(r.stdout).toContain('etcdctl');
    expect(r.stdout).toContain('curl');
    expect(r.stdout).toContain('grep');
  });

  it('type -t names the kind; type knows aliases', async () => {
    const h = new ShellHarness();
    expect(await h.run('alias ll="ls -l"\nf() { :; }; type -t echo cd ls if f ll nosuch')).toMatchObject({
      stdout: 'builtin\nbuiltin\nfile\nkeyword\nfunction\nalias\n',
      stderr: '',
      code: 1,
    });
    expect((await h.run('type ll')).stdout).toBe("ll is aliased to `ls -l'\n");
  });

  it('help with a topic that matches nothing says so, as bash 4.3 does', async () => {
    const h = new ShellHarness();
    expect(await h.run('help nosuch')).toMatchObject({
      stdout: '',
      stderr: "bash: help: no help topics match `nosuch'.  Try `help help' or `man -k nosuch' or `info nosuch'.\n",
      code: 1,
    });
    expect(await h.run('help cd')).toMatchObject({ stderr: '', code: 0 });
    expect(await h.run("help 'c*d'")).toMatchObject({ stderr: '', code: 0 });
  });
});
