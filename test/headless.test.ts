import { describe, it, expect } from 'vitest';
import { createCluster, HeadlessCluster } from '../src/headless.ts';
import { SimCluster, settle, staticClusterUserData } from '../src/cluster.ts';

async function scenario(seed: number): Promise<string> {
  const sim = new SimCluster({ machines: 3, seed });
  sim.world.trace.enableHash();
  const c = new HeadlessCluster(sim);
  await settle(sim, (cond, limit) => c.pump.until(cond, limit));
  await c.exec('core-01', 'etcdctl set /a 1');
  const w = c.exec('core-02', 'etcdctl watch /a', { timeoutMs: 5000 });
  await c.advance(50);
  c.kill(c.leader()!);
  await c.advance(3000);
  await c.exec('core-03', 'etcdctl set /a 2');
  await w;
  c.partition(['core-01'], ['core-02', 'core-03']);
  await c.advance(2000);
  c.heal();
  await c.advance(2000);
  return sim.world.trace.digest();
}

describe('headless API', () => {
  it('same seed and same inputs give an identical trace (hash of two runs)', async () => {
    const a = await scenario(11);
    const b = await scenario(11);
    expect(a).toBe(b);
    expect(await scenario(12)).not.toBe(a);
  });

  it('createCluster resolves with every machine running and a leader', async () => {
    const c = await createCluster({ machines: 5, seed: 2 });
    expect(c.machines).toEqual(['core-01', 'core-02', 'core-03', 'core-04', 'core-05']);
    expect(c.leader()).toMatch(/^core-0[1-5]$/);
  });

  it('pending calls share one timeline: each resolves at its virtual moment, in order', async () => {
    const c = await createCluster({ seed: 4 });
    const t0 = c.now();
    const order: string[] = [];
    const at: Record<string, number> = {};
    const mark = (name: string) => () => {
      order.push(name);
      at[name] = c.now() - t0;
    };
    await Promise.all([
      c.advance(500).then(mark('advance 500')),
      c.exec('core-01', 'sleep 1').then(mark('sleep 1')),
      c.advance(200).then(mark('advance 200')),
    ]);
    expect(order).toEqual(['advance 200', 'advance 500', 'sleep 1']);
    expect(at).toEqual({ 'advance 200': 200, 'advance 500': 500, 'sleep 1': 1000 });
  });

  it('a call made right after another resolves starts at that same virtual moment', async () => {
    const c = await createCluster({ seed: 4 });
    await c.advance(300);
    const t = c.now();
    const r = await c.exec('core-01', 'echo hi');
    expect(r).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
    expect(c.now()).toBe(t);
  });

  it('a long-running command ends at its timeoutMs with exit code 124', async () => {
    const c = await createCluster({ seed: 4 });
    const t = c.now();
    const r = await c.exec('core-01', 'etcdctl watch /never', { timeoutMs: 2000 });
    expect(r.exitCode).toBe(124);
    expect(c.now() - t).toBe(2000);
  });

  it('two terminals: a watch in one ends when the other writes', async () => {
    const c = await createCluster({ seed: 6 });
    const watch = c.exec('core-02', 'etcdctl watch /greeting', { timeoutMs: 10_000 });
    await c.advance(100);
    await c.exec('core-01', 'etcdctl set /greeting hello');
    expect(await watch).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 0 });
  });

  it('kill elects a new leader with a higher term; boot brings the old one back as a follower', async () => {
    // Static bootstrap: members named after their hosts.
    const c = await createCluster({ seed: 9, userData: staticClusterUserData(3) });
    const old = c.leader()!;
    c.kill(old);
    await c.advance(4000);
    const next = c.leader();
    expect(next).toBeDefined();
    expect(next).not.toBe(old);
    c.boot(old);
    await c.advance(8000);
    expect(c.leader()).not.toBe(old);
    expect((await c.exec(old, 'etcdctl member list')).stdout).toContain(`name=${old}`);
  });

  it('stdin feeds the command; files written are read back', async () => {
    const c = await createCluster({ seed: 4 });
    expect((await c.exec('core-01', 'etcdctl set /from-stdin', { stdin: 'piped\n' })).stdout).toBe('piped\n\n'); // etcdctl keeps stdin's newline in the value (argOrStdin)
    c.writeFile('core-02', '/home/core/note.txt', 'hello file\n');
    expect(c.readFile('core-02', '/home/core/note.txt')).toBe('hello file\n');
    expect((await c.exec('core-02', 'cat /home/core/note.txt')).stdout).toBe('hello file\n');
  });

  it('a machine that is off cannot be reached by vagrant ssh', async () => {
    const c = await createCluster({ seed: 4 });
    c.kill('core-03');
    const r = await c.exec('core-03', 'hostname');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('VM must be running to open SSH connection. Run `vagrant up`\nto start the virtual machine.\n');
  });

  it('addMachine resolves with the new name once it has booted (here: a discovery proxy)', async () => {
    const c = await createCluster({ seed: 4 });
    const name = await c.addMachine();
    expect(name).toBe('core-04');
    expect(c.machines).toEqual(['core-01', 'core-02', 'core-03', 'core-04']);
    expect(await c.exec(name, 'hostname')).toEqual({ stdout: 'core-04\n', stderr: '', exitCode: 0 });
    expect((await c.exec(name, 'etcdctl get /nothing')).stderr).toMatch(/^Error:  100: Key not found \(\/nothing\)/);
  });

  it('unknown commands: bash: foo: command not found, exit 127', async () => {
    const c = await createCluster({ seed: 4 });
    expect(await c.exec('core-01', 'foo')).toEqual({ stdout: '', stderr: 'bash: foo: command not found\n', exitCode: 127 });
  });
});
