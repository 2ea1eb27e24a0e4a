import { describe, expect, it } from 'vitest';
import { lessonSlugs, loadLesson, loadLessonParts, lintAllLessons } from '../../src/learn/load.ts';
import { startHeadlessLesson } from '../../src/learn/headless-player.ts';

// Every written lesson, headlessly: play each step's solution in order and await its check.

const slugs = lessonSlugs();

describe('lesson content', () => {
  it('has at least lesson 4, and every lesson passes the content lint', async () => {
    expect(slugs).toContain('04-etcd-read-write');
    expect(await lintAllLessons()).toEqual([]);
  });
});

describe.each(slugs)('lesson %s', (slug) => {
  it('passes every step by playing its solution, and no step passes before its solution', async () => {
    const lesson = await loadLesson(slug);
    const h = await startHeadlessLesson(lesson);
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i]!;
      expect(h.engine.current, `the engine moved on to step ${i + 1}`).toBe(i);
      const before = h.engine.check();
      if (!step.def.mayPassEarly) {
        expect(before.ok, `step ${i + 1} (${step.def.id}) passes before its solution`).toBe(false);
        expect(before.reason, `step ${i + 1} says why it is not done`).not.toBe('');
      }
      for (const input of step.def.solution) await h.player.play(input);
      const ok = await h.settleStep();
      const transcript = [...h.player.transcript].map(([m, t]) => `=== ${m}\n${t}`).join('\n');
      expect(ok, `step ${i + 1} (${step.def.id}) after its solution: ${h.engine.check().reason}\n${transcript}`).toBe(true);
      expect(h.engine.evaluate()).toBe(true);
      expect(h.engine.done[i]).toBe(true);
    }
    expect(h.engine.complete).toBe(true);
    h.engine.dispose();
  });

  it('shows in its text only outputs the tools really print (every text block appears in the solutions\' transcript)', async () => {
    const lesson = await loadLesson(slug);
    const { markdown } = await loadLessonParts(slug);
    const blocks = [...markdown.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const h = await startHeadlessLesson(lesson);
    for (let i = 0; i < lesson.steps.length; i++) {
      h.engine.goTo(i);
      for (const input of lesson.steps[i]!.def.solution) await h.player.play(input);
      await h.settleStep();
    }
    const all = [...h.player.transcript.values()].join('\n');
    for (const b of blocks) expect(all, 'a text block of the lesson').toContain(b);
  });
});
