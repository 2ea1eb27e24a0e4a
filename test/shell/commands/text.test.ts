import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('sort, uniq, cut, tr', () => {
  it('sort', async () => {
    const h = new ShellHarness();
    expect((await h.run('sort', { stdin: 'b\na\nc\n' })).stdout).toBe('a\nb\nc\n');
    expect((await h.run('sort -r', { stdin: 'b\na\nc\n' })).stdout).toBe('c\nb\na\n');
    expect((await h.run('sort -n', { stdin: '10\n9\n100\n' })).stdout).toBe('9\n10\n100\n');
    expect((await h.run('sort -u', { stdin: 'b\na\nb\n' })).stdout).toBe('a\nb\n');
    expect((await h.run('sort -t: -k2 -n', { stdin: 'a:3\nb:1\nc:2\n' })).stdout).toBe('b:1\nc:2\na:3\n');
  });

  it('uniq', async () => {
    const h = new ShellHarness();
    expect((await h.run('uniq', { stdin: 'a\na\nb\na\n' })).stdout).toBe('a\nb\na\n');
    expect((await h.run('sort | uniq -c', { stdin: 'a\nb\na\n' })).stdout).toBe('      2 a\n      1 b\n');
  });

  it('cut', async () => {
    const h = new ShellHarness();
    expect((await h.run('cut -d= -f2 /etc/environment')).stdout).toBe('172.17.8.101\n172.17.8.101\n');
    expect((await h.run('cut -c1-4', { stdin: 'core-01\n' })).stdout).toBe('core\n');
    expect((await h.run("cut -d' ' -f1,3", { stdin: 'a b c d\n' })).stdout).toBe('a c\n');
  });

  it('tr', async () => {
    const h = new ShellHarness();
    expect((await h.run("tr a-z A-Z", { stdin: 'hello\n' })).stdout).toBe('HELLO\n');
    expect((await h.run("tr -d '\\n'", { stdin: 'a\nb\n' })).stdout).toBe('ab');
    expect((await h.run("tr -s ' '", { stdin: 'a   b\n' })).stdout).toBe('a b\n');
    expect((await h.run("tr '[:lower:]' '[:upper:]'", { stdin: 'x\n' })).stdout).toBe('X\n');
  });
});

describe('type and which', () => {
  it('say what a name is', async () => {
    const h = new ShellHarness();
    expect((await h.run('type cd echo etcdctl if')).stdout).toBe('cd is a shell builtin\necho is a shell builtin\netcdctl is /usr/bin/etcdctl\nif is a shell keyword\n');
    expect(await h.run('type nosuch')).toMatchObject({ stderr: 'bash: type: nosuch: not found\n', code: 1 });
    expect((await h.run('which etcdctl curl')).stdout).toBe('/usr/bin/etcdctl\n/usr/bin/curl\n');
    expect(await h.run('which nosuch')).toMatchObject({ stderr: 'which: no nosuch in (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/bin)\n', code: 1 });
  });
});
