import { describe, it, expect } from 'vitest';
import { Runner } from '../../../src/ui/lib/runner.svelte.ts';
import type { SimClusterApi } from '../../../src/cluster-api.ts';
import type { ClusterSnapshot, MachineSnapshot } from '../../../src/snapshot.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';

/** A sim whose machine list the test changes by hand, recording inputs in its trace like the real one. */
function fakeSim(names: string[]) {
  let machines = names.map((n) => ({ name: n, ip: '', power: 'running' }) as MachineSnapshot);
  const listeners = new Set<(e: TraceEvent) => void>();
  const emit = (input: unknown) => {
    for (const l of listeners) l({ t: 0, type: 'input', input } as TraceEvent);
  };
  const spawned: string[] = [];
  const sim = {
    seed: 1,
    machines: () => machines.map((m) => m.name),
    now: () => 0,
    snapshot: (): ClusterSnapshot => ({ now: 0, machines, partitions: [], net: { latencyMs: 0, jitterMs: 0, loss: 0 }, discovery: [] }),
    subscribe: (l: (e: TraceEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    recentTrace: () => [],
    spawn: (m: string, line: string) => {
      spawned.push(`${m}: ${line}`);
      return { done: new Promise<number>(() => undefined), interrupt: () => undefined };
    },
    complete: () => [],
    addMachine: () => {
      const name = `core-0${machines.length + 1}`;
      emit({ kind: 'addMachine', machine: name });
      machines = [...machines, { name, ip: '', power: 'booting' }];
      return name;
    },
    destroyMachine: (name: string) => {
      emit({ kind: 'destroyMachine', machine: name });
      machines = machines.filter((m) => m.name !== name);
    },
    recreate: (o: { machines: number }) => {
      emit({ kind: 'recreate', machines: o.machines });
      machines = Array.from({ length: o.machines }, (_, i) => ({ name: `core-0${i + 1}`, ip: '', power: 'booting' }) as MachineSnapshot);
    },
  } as unknown as SimClusterApi;
  return { sim, spawned, setPower: (n: string, p: MachineSnapshot['power']) => (machines = machines.map((m) => (m.name === n ? { ...m, power: p } : m))) };
}

describe('Runner with machines that come and go', () => {
  it('gives an added machine a terminal session, and drops a destroyed one', () => {
    const { sim } = fakeSim(['core-01', 'core-02', 'core-03']);
    const r = new Runner(sim);
    expect(r.addMachine()).toBe('core-04');
    expect(r.machines).toEqual(['core-01', 'core-02', 'core-03', 'core-04']);
    expect(r.sessions.has('core-04')).toBe(true);
    const epoch = r.epoch;
    r.destroyMachine('core-02');
    expect(r.machines).toEqual(['core-01', 'core-03', 'core-04']);
    expect(r.sessions.has('core-02')).toBe(false);
    expect(r.epoch).toBeGreaterThan(epoch);
  });

  it('a recreated cluster closes every session, then each reopens when its new machine runs', () => {
    const f = fakeSim(['core-01', 'core-02', 'core-03']);
    const r = new Runner(f.sim);
    let text = '';
    const s1 = r.sessions.get('core-01')!;
    s1.attach({ write: (x) => (text += x), cols: () => 80 });
    expect(s1.state).toBe('connected');
    r.recreate(2, '#cloud-config\n');
    expect(r.machines).toEqual(['core-01', 'core-02']);
    expect(r.sessions.get('core-01')).toBe(s1);
    expect(s1.state).toBe('disconnected');
    expect(text).toContain('[core-01 was destroyed; a new core-01 boots]');
    f.setPower('core-01', 'running');
    r.act(() => undefined);
    expect(s1.state).toBe('connected');
    expect(text.match(/CoreOS stable/g)).toHaveLength(2);
  });

  it('holds typed keys until the shell has loaded, then runs them', async () => {
    const f = fakeSim(['core-01']);
    let loaded = false;
    const r = new Runner(f.sim, async () => {
      loaded = true;
    });
    expect(r.shellReady).toBe(false);
    r.sessions.get('core-01')!.input('ls\r');
    expect(f.spawned).toEqual([]);
    await r.ensureShell();
    expect(loaded).toBe(true);
    expect(r.shellReady).toBe(true);
    expect(f.spawned).toEqual(['core-01: ls']);
    // Sessions of machines added later take input at once.
    r.addMachine();
    f.setPower('core-02', 'running');
    r.act(() => undefined);
    r.sessions.get('core-02')!.input('pwd\r');
    expect(f.spawned).toEqual(['core-01: ls', 'core-02: pwd']);
  });
});
