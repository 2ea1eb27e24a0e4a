import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

const text = 'alpha\nBeta\ngamma\nalphabet\n';

describe('grep', () => {
  it('matches lines, with -v -i -c -n', async () => {
    const h = new ShellHarness();
    expect(await h.run('grep alpha', { stdin: text })).toMatchObject({ stdout: 'alpha\nalphabet\n', code: 0 });
    expect((await h.run('grep -v alpha', { stdin: text })).stdout).toBe('Beta\ngamma\n');
    expect((await h.run('grep -i beta', { stdin: text })).stdout).toBe('Beta\n');
    expect((await h.run('grep -c a', { stdin: text })).stdout).toBe('4\n');
    expect((await h.run('grep -n gamma', { stdin: text })).stdout).toBe('3:gamma\n');
    expect(await h.run('grep zeta', { stdin: text })).toMatchObject({ stdout: '', code: 1 });
  });

  it('basic and extended expressions', async () => {
    const h = new ShellHarness();
    expect((await h.run("grep '^a.*t$'", { stdin: text })).stdout).toBe('alphabet\n');
    expect((await h.run("grep 'alpha\\|gamma'", { stdin: text })).stdout).toBe('alpha\ngamma\nalphabet\n');
    expect((await h.run("grep -E 'alpha|gamma'", { stdin: text })).stdout).toBe('alpha\ngamma\nalphabet\n');
    expect((await h.run("grep 'a|b'", { stdin: 'a|b\nab\n' })).stdout).toBe('a|b\n');
    expect((await h.run('grep -w alpha', { stdin: text })).stdout).toBe('alpha\n');
    expect((await h.run('grep -o "al[a-z]*"', { stdin: 'x alpha y\n' })).stdout).toBe('alpha\n');
    expect((await h.run('grep -F "a.b"', { stdin: 'a.b\naxb\n' })).stdout).toBe('a.b\n');
  });

  it('files, names and errors', async () => {
    const h = new ShellHarness();
    expect((await h.run('grep core /etc/hostname')).stdout).toBe('core-01\n');
    expect((await h.run('grep -h COREOS /etc/environment /etc/hostname')).stdout).toBe('COREOS_PUBLIC_IPV4=172.17.8.101\nCOREOS_PRIVATE_IPV4=172.17.8.101\n');
    expect((await h.run('grep core /etc/hostname /etc/environment')).stdout).toBe('/etc/hostname:core-01\n');
    expect(await h.run('grep x nofile')).toMatchObject({ stderr: 'grep: nofile: No such file or directory\n', code: 2 });
    expect(await h.run('grep -q alpha', { stdin: text })).toMatchObject({ stdout: '', code: 0 });
  });
});
