import { describe, it, expect } from 'vitest';
import { ShellHarness } from './harness.ts';
import { defaultRegistry } from '../../src/shell/commands/index.ts';
import type { Command } from '../../src/shell/process.ts';

describe('the Process a command gets', () => {
  it('argv, env, cwd and a nested run with its own environment (etcdctl exec-watch)', async () => {
    const registry = defaultRegistry.clone();
    const seen: { argv: string[]; cwd: string; x?: string }[] = [];
    const spawner: Command = async (proc) => {
      seen.push({ argv: proc.argv, cwd: proc.cwd, x: proc.env.get('X') });
      const env = new Map(proc.env);
      env.set('ETCD_WATCH_KEY', '/foo');
      await proc.run('echo "key=$ETCD_WATCH_KEY x=$X"; exit 3', env);
      return proc.run('echo "[$ETCD_WATCH_KEY]"');
    };
    registry.register('spawner', spawner);
    const h = new ShellHarness({ shell: { registry } });
    const r = await h.run('cd /tmp; export X=1; Y=2 spawner a "b c"; echo $?');
    expect(r.stdout).toBe('key=/foo x=1\n[]\n0\n');
    expect(seen).toEqual([{ argv: ['spawner', 'a', 'b c'], cwd: '/tmp', x: '1' }]);
  });

  it('sleep resolves early when interrupted', async () => {
    const registry = defaultRegistry.clone();
    registry.register('nap', async (proc) => ((await proc.sleep(10_000)) ? 0 : 99));
    const h = new ShellHarness({ shell: { registry } });
    expect(await h.run('nap', { interruptAfterMs: 100 })).toMatchObject({ code: 99, elapsed: 100 });
  });

  it('stdin: a string, a pipe, or the terminal', async () => {
    const registry = defaultRegistry.clone();
    registry.register('tty', async (proc) => {
      proc.stdout.write(`${proc.stdin.isTTY}\n`);
      return 0;
    });
    const h = new ShellHarness({ shell: { registry } });
    expect((await h.run('tty')).stdout).toBe('true\n');
    expect((await h.run('tty', { stdin: '' })).stdout).toBe('false\n');
    expect((await h.run('echo | tty')).stdout).toBe('false\n');
  });

  it('a command that throws dies alone', async () => {
    const registry = defaultRegistry.clone();
    registry.register('boom', async () => {
      throw new Error('bug');
    });
    const h = new ShellHarness({ shell: { registry } });
    expect(await h.run('boom; echo after')).toMatchObject({ stdout: 'after\n', stderr: 'boom: bug\n', code: 0 });
  });

  it('Shell options: extra environment and a start directory', async () => {
    const h = new ShellHarness({ shell: { env: { ETCDCTL_PEERS: 'http://172.17.8.101:2379' }, cwd: '/etc' } });
    expect((await h.run('pwd; printenv ETCDCTL_PEERS')).stdout).toBe('/etc\nhttp://172.17.8.101:2379\n');
    expect(h.shell.env.get('ETCDCTL_PEERS')).toBe('http://172.17.8.101:2379');
  });
});
