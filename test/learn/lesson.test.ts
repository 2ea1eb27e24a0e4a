import { describe, expect, it } from 'vitest';
import { assembleLesson, lintLesson } from '../../src/learn/lesson.ts';
import { pass } from '../../src/learn/checks.ts';
import type { LessonSteps, StepDef } from '../../src/learn/types.ts';

const SLUG = '04-etcd-read-write';
const md = (n: number) => `---\ntitle: Read and write values to etcd\nsummary: s\n---\nIntro.\n` + Array.from({ length: n }, (_, i) => `## Step ${i + 1}\nText ${i + 1}.\n`).join('');
const step = (id: string, over: Partial<StepDef> = {}): StepDef => ({ id, check: pass, hints: ['h'], solution: [{ machine: 'core-01', line: 'etcdctl ls' }], ...over });
const mod = (steps: StepDef[]): LessonSteps => ({ scenario: { machines: 3, seed: 1 }, steps });

describe('lintLesson', () => {
  it('accepts a complete lesson', () => {
    expect(lintLesson(SLUG, md(2), mod([step('a'), step('b')]))).toEqual([]);
  });

  it('fails a step without a check, a hint or a solution', () => {
    const errs = lintLesson(SLUG, md(3), mod([step('a', { check: undefined as never }), step('b', { hints: [] }), step('c', { solution: [] })]));
    expect(errs).toEqual([`lessons/${SLUG}: step 1 (a): no check`, `lessons/${SLUG}: step 2 (b): needs at least one hint`, `lessons/${SLUG}: step 3 (c): no solution`]);
  });

  it('fails text and steps out of step, duplicate ids, bad inputs, missing front matter', () => {
    expect(lintLesson(SLUG, md(1), mod([step('a'), step('b')]))).toContain(`lessons/${SLUG}: index.md has 1 step sections (## ), steps.ts has 2 steps`);
    expect(lintLesson(SLUG, md(2), mod([step('a'), step('a')]))).toContain(`lessons/${SLUG}: step 2 (a): duplicate id`);
    expect(lintLesson(SLUG, md(1), mod([step('a', { solution: [{ machine: 'web', line: 'ls' }] })]))).toContain(`lessons/${SLUG}: step 1 (a): solution input 1: needs a machine (core-NN)`);
    expect(lintLesson(SLUG, 'Intro\n## S\nx', mod([step('a')]))).toEqual(
      expect.arrayContaining([`lessons/${SLUG}: index.md: front matter has no title`, `lessons/${SLUG}: index.md: front matter has no summary`]),
    );
    expect(lintLesson(SLUG, md(1), undefined)).toContain(`lessons/${SLUG}: steps.ts: no default export`);
  });

  it('wants the title the catalog lists', () => {
    expect(lintLesson(SLUG, md(1).replace('Read and write values to etcd', 'Other'), mod([step('a')]))).toContain(
      `lessons/${SLUG}: title "Other" differs from the catalog's "Read and write values to etcd"`,
    );
  });
});

describe('assembleLesson', () => {
  it('pairs each step with its section', () => {
    const l = assembleLesson(SLUG, md(2), mod([step('a'), step('b')]));
    expect(l.number).toBe(4);
    expect(l.intro).toBe('Intro.');
    expect(l.steps.map((s) => [s.def.id, s.title, s.body])).toEqual([
      ['a', 'Step 1', 'Text 1.'],
      ['b', 'Step 2', 'Text 2.'],
    ]);
  });
});
