import { beforeAll, describe, expect, it } from 'vitest';
import { LessonEngine, resolveInput, type Player } from '../../src/learn/engine.ts';
import { HeadlessPlayer, clusterFor } from '../../src/learn/headless-player.ts';
import { lintLesson } from '../../src/learn/lesson.ts';
import { notYet, pass } from '../../src/learn/checks.ts';
import type { HeadlessCluster } from '../../src/headless.ts';
import type { Lesson, LessonSteps, SolutionInput, StepDef } from '../../src/learn/types.ts';

// A `late` solution input is worked out when it is played, from the state then: a solution can
// use what the run made (the discovery URL a curl minted, the machine that leads now).

const lessonOf = (defs: StepDef[]): Lesson => ({ slug: '99-test', number: 99, title: 't', summary: 's', intro: 'i', scenario: { machines: 3, seed: 5 }, steps: defs.map((def) => ({ def, title: def.id, body: 'b' })) });

describe('late solution inputs', () => {
  let cluster: HeadlessCluster;
  beforeAll(async () => {
    cluster = await clusterFor({ machines: 3, seed: 5 });
  });

  it('are resolved by the engine from the state at the moment they are played', async () => {
    // Step: write the leader's name under /leader, on whichever machine leads when solved.
    const def: StepDef = {
      id: 'leader-key',
      check: (s) => (s.leader() && s.value('/leader') === s.leader() ? pass() : notYet('no /leader')),
      hints: ['h'],
      solution: [
        { machine: 'core-01', line: 'etcdctl set /before x' },
        { action: 'late', input: (s) => ({ machine: s.leader()!, line: `etcdctl set /leader ${s.leader()}` }) },
      ],
    };
    const engine = new LessonEngine(lessonOf([def]), cluster.sim);
    const played: SolutionInput[] = [];
    const inner = new HeadlessPlayer(cluster);
    const recorder: Player = { play: (i) => (played.push(i), inner.play(i)) };
    await engine.solve(recorder);
    const leader = cluster.leader()!;
    // The player only ever sees plain inputs.
    expect(played).toEqual([
      { machine: 'core-01', line: 'etcdctl set /before x' },
      { machine: leader, line: `etcdctl set /leader ${leader}` },
    ]);
    expect(engine.check().ok).toBe(true);
    engine.dispose();
  });

  it('see the effects of the inputs played before them (one state per input)', async () => {
    const engine = new LessonEngine(lessonOf([{ id: 'x', check: pass, hints: ['h'], solution: [{ action: 'advance', ms: 1 }] }]), cluster.sim);
    const player = new HeadlessPlayer(cluster, () => engine.state());
    await player.play({ machine: 'core-02', line: 'curl -s "https://discovery.etcd.io/new?size=5"' });
    const minted = cluster.sim.discovery().at(-1)!;
    expect(minted.size).toBe(5);
    await player.play({ action: 'late', input: (s) => ({ action: 'writeFile', machine: 'core-02', path: '/home/core/token', content: s.discovery().at(-1)!.url }) });
    expect(cluster.readFile('core-02', '/home/core/token')).toBe(minted.url);
    engine.dispose();
  });

  it('cannot be played by a HeadlessPlayer without a state, and resolveInput leaves plain inputs alone', async () => {
    await expect(new HeadlessPlayer(cluster).play({ action: 'late', input: () => ({ action: 'advance', ms: 1 }) })).rejects.toThrow(/late input/);
    const plain: SolutionInput = { action: 'kill', machine: 'core-03' };
    expect(resolveInput(plain, () => {
      throw new Error('not needed');
    })).toBe(plain);
  });

  it('pass the content lint only with a function', () => {
    const md = `---\ntitle: Read and write values to etcd\nsummary: s\n---\nIntro.\n## One\nText.\n`;
    const mod = (input: unknown): LessonSteps => ({ scenario: { machines: 3, seed: 1 }, steps: [{ id: 'a', check: pass, hints: ['h'], solution: [input as never] }] });
    expect(lintLesson('04-etcd-read-write', md, mod({ action: 'late', input: () => ({ action: 'advance', ms: 1 }) }))).toEqual([]);
    expect(lintLesson('04-etcd-read-write', md, mod({ action: 'late', input: 'etcdctl ls' }))).toEqual(['lessons/04-etcd-read-write: step 1 (a): solution input 1: a late input needs a function']);
  });
});
