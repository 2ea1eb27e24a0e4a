import { beforeAll, describe, expect, it } from 'vitest';
import { LessonEngine } from '../../src/learn/engine.ts';
import { HeadlessPlayer, clusterFor } from '../../src/learn/headless-player.ts';
import { notYet, pass } from '../../src/learn/checks.ts';
import type { HeadlessCluster } from '../../src/headless.ts';
import type { Lesson, StepDef } from '../../src/learn/types.ts';

const stepOf = (def: StepDef) => ({ def, title: def.id, body: 'text' });

function lessonOf(defs: StepDef[]): Lesson {
  return { slug: '99-test', number: 99, title: 't', summary: 's', intro: 'i', scenario: { machines: 3, seed: 7 }, steps: defs.map(stepOf) };
}

const valueIs = (key: string, want: string): StepDef['check'] => (s) => (s.value(key) === want ? pass() : notYet(`${key} is not ${want}`));

const LESSON = lessonOf([
  { id: 'a', check: valueIs('/a', '1'), hints: ['first', 'second'], solution: [{ machine: 'core-01', line: 'etcdctl set /a 1' }] },
  { id: 'b', check: valueIs('/b', '2'), hints: ['only'], solution: [{ machine: 'core-02', line: 'etcdctl set /b 2' }] },
  {
    id: 'boom',
    check: () => {
      throw new Error('oops');
    },
    hints: ['x'],
    solution: [{ action: 'advance', ms: 10 }],
  },
]);

describe('LessonEngine', () => {
  let cluster: HeadlessCluster;
  beforeAll(async () => {
    cluster = await clusterFor({ machines: 3, seed: 7 });
  });

  it('marks the current step done when its check passes and moves to the next', async () => {
    const engine = new LessonEngine(LESSON, cluster.sim);
    const changes: number[] = [];
    engine.onChange = () => changes.push(engine.current);
    expect(engine.evaluate()).toBe(false);
    expect(engine.result).toEqual({ ok: false, reason: '/a is not 1' });
    expect(engine.status(0)).toBe('current');
    await engine.solve(new HeadlessPlayer(cluster));
    await cluster.pump.until(() => engine.check().ok, 5000);
    expect(engine.evaluate()).toBe(true);
    expect(engine.done).toEqual([true, false, false]);
    expect(engine.current).toBe(1);
    expect(engine.status(0)).toBe('done');
    expect(engine.status(1)).toBe('current');
    expect(engine.progress()).toEqual({ step: 1, done: ['a'] });
    expect(changes.length).toBeGreaterThan(0);
    engine.dispose();
  });

  it('gives hints one at a time, per step', () => {
    const engine = new LessonEngine(LESSON, cluster.sim);
    expect(engine.hints()).toEqual([]);
    expect(engine.nextHint()).toBe('first');
    expect(engine.nextHint()).toBe('second');
    expect(engine.nextHint()).toBeUndefined();
    expect(engine.hints()).toEqual(['first', 'second']);
    engine.goTo(1);
    expect(engine.hints()).toEqual([]);
    expect(engine.nextHint()).toBe('only');
    engine.dispose();
  });

  it('moves freely between steps, restores saved progress, and survives a check that throws', () => {
    const engine = new LessonEngine(LESSON, cluster.sim, { step: 2, done: ['b'] });
    expect(engine.current).toBe(2);
    expect(engine.done).toEqual([false, true, false]);
    expect(engine.evaluate()).toBe(false);
    expect(engine.result).toEqual({ ok: false, reason: "This step's check failed: oops" });
    engine.goTo(0);
    expect(engine.current).toBe(0);
    engine.goTo(9);
    expect(engine.current).toBe(0);
    engine.dispose();
  });

  it('passes a step reached another way (the state, not the typed text, decides)', async () => {
    const engine = new LessonEngine(LESSON, cluster.sim);
    engine.goTo(1);
    // curl instead of etcdctl, on another machine.
    await cluster.exec('core-03', 'curl -s -X PUT http://127.0.0.1:2379/v2/keys/b -d value=2');
    await cluster.pump.until(() => engine.check().ok, 5000);
    expect(engine.evaluate()).toBe(true);
    engine.dispose();
  });
});

describe('LessonState', () => {
  let cluster: HeadlessCluster;
  beforeAll(async () => {
    cluster = await clusterFor({ machines: 3, seed: 11 });
  });

  it('reads keys, directories and a key\'s event history without touching the store', async () => {
    const engine = new LessonEngine(LESSON, cluster.sim);
    const play = new HeadlessPlayer(cluster);
    for (const line of ['etcdctl set /d/k v1', 'etcdctl update /d/k v2', 'etcdctl set /d/k v3 --swap-with-value v2', 'etcdctl set /t x --ttl 2'])
      await play.play({ machine: 'core-01', line });
    await cluster.advance(3000);
    const leader = cluster.leader()!;
    const store = cluster.sim.etcd(leader).store;
    const stats = store.statsJson();
    const s = engine.state();
    expect(s.key('/d')).toMatchObject({ key: '/d', dir: true, children: ['k'] });
    expect(s.value('/d/k')).toBe('v3');
    expect(s.value('/d')).toBeUndefined();
    expect(s.key('/nope')).toBeUndefined();
    expect(s.events('/d/k').map((e) => e.action)).toEqual(['set', 'update', 'compareAndSwap']);
    expect(s.events('/t').map((e) => e.action)).toEqual(['set', 'expire']);
    expect(s.key('/t')).toBeUndefined();
    expect(store.statsJson()).toBe(stats);
    expect(store.watcherCount()).toBe(0);
    // Every machine's member holds the replicated keys.
    for (const m of ['core-01', 'core-02', 'core-03']) expect(s.value('/d/k', m)).toBe('v3');
    engine.dispose();
  });

  it('knows the commands typed (with the etcd index then), Ctrl-C, and waiting watchers', async () => {
    const engine = new LessonEngine(LESSON, cluster.sim);
    const play = new HeadlessPlayer(cluster);
    await play.play({ machine: 'core-02', line: 'etcdctl watch /w', wait: false });
    let s = engine.state();
    const w = s.ran(/watch \/w/)!;
    expect(w).toMatchObject({ machine: 'core-02', line: 'etcdctl watch /w', interrupted: false });
    expect(w.etcdIndex).toBe(cluster.sim.etcd('core-02').store.index());
    expect(s.watchers()).toBe(1);
    await play.play({ machine: 'core-02', interrupt: true });
    await cluster.advance(100); // the closed connection reaches the member
    s = engine.state();
    expect(s.ran(/watch \/w/)!.interrupted).toBe(true);
    expect(s.watchers()).toBe(0);
    expect(s.ran(/watch/, 'core-01')).toBeUndefined();
    engine.dispose();
  });

  it('sees machines, the leader and the discovery registry', () => {
    const engine = new LessonEngine(LESSON, cluster.sim);
    const s = engine.state();
    expect(s.machines).toEqual(['core-01', 'core-02', 'core-03']);
    expect(s.leader()).toBe(cluster.leader());
    expect(s.running('core-01')).toBe(true);
    expect(s.discovery().length).toBeGreaterThan(0);
    expect(s.file('core-01', '/etc/hostname')).toBeDefined();
    engine.dispose();
  });
});
