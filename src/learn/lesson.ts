import { parseLessonMarkdown } from './markdown.ts';
import { catalogEntry } from './catalog.ts';
import type { Lesson, LessonSteps, StepInput } from './types.ts';

/** Puts a lesson together from its folder's Markdown and steps (call `lintLesson` first). */
export function assembleLesson(slug: string, markdown: string, mod: LessonSteps): Lesson {
  const text = parseLessonMarkdown(markdown);
  return {
    slug,
    number: Number.parseInt(slug, 10),
    title: text.front.title ?? slug,
    summary: text.front.summary ?? '',
    intro: text.intro,
    scenario: mod.scenario,
    steps: mod.steps.map((def, i) => ({ def, title: text.sections[i]?.title ?? def.id, body: text.sections[i]?.body ?? '' })),
  };
}

/**
 * Everything wrong with a lesson's content, as messages (empty = fine). The build fails on any:
 * a step without a check, a hint or a solution; text and steps out of step; a bad scenario.
 */
export function lintLesson(slug: string, markdown: string, mod: unknown): string[] {
  const errs: string[] = [];
  const at = (m: string) => errs.push(`lessons/${slug}: ${m}`);
  if (!/^\d\d-[a-z0-9-]+$/.test(slug)) at('folder name must be NN-slug');
  const text = parseLessonMarkdown(markdown);
  if (!text.front.title) at('index.md: front matter has no title');
  if (!text.front.summary) at('index.md: front matter has no summary');
  const entry = catalogEntry(slug);
  if (!entry) at('not in the catalog (src/learn/catalog.ts)');
  else if (text.front.title && entry.title !== text.front.title) at(`title "${text.front.title}" differs from the catalog's "${entry.title}"`);
  if (!text.intro) at('index.md: no introduction before the first step');
  const m = mod as Partial<LessonSteps> | undefined;
  if (!m || typeof m !== 'object') {
    at('steps.ts: no default export');
    return errs;
  }
  const sc = m.scenario;
  if (!sc || !Number.isInteger(sc.machines) || sc.machines < 1 || sc.machines > 9 || !Number.isInteger(sc.seed)) at('steps.ts: scenario needs machines (1-9) and an integer seed');
  const steps = Array.isArray(m.steps) ? m.steps : [];
  if (steps.length === 0) at('steps.ts: no steps');
  if (steps.length !== text.sections.length) at(`index.md has ${text.sections.length} step sections (## ), steps.ts has ${steps.length} steps`);
  const ids = new Set<string>();
  steps.forEach((s, i) => {
    const name = `step ${i + 1} (${s?.id ?? '?'})`;
    if (!s || typeof s.id !== 'string' || !s.id) at(`${name}: no id`);
    else if (ids.has(s.id)) at(`${name}: duplicate id`);
    else ids.add(s.id);
    if (typeof s?.check !== 'function') at(`${name}: no check`);
    if (!Array.isArray(s?.hints) || s.hints.length === 0 || s.hints.some((h) => typeof h !== 'string' || !h.trim())) at(`${name}: needs at least one hint`);
    if (!Array.isArray(s?.solution) || s.solution.length === 0) at(`${name}: no solution`);
    else s.solution.forEach((input, j) => {
      const bad = badInput(input);
      if (bad) at(`${name}: solution input ${j + 1}: ${bad}`);
    });
    const sec = text.sections[i];
    if (sec && !sec.body) at(`${name}: its section "${sec.title}" has no text`);
  });
  return errs;
}

function badInput(input: StepInput): string | undefined {
  if (!input || typeof input !== 'object') return 'not an object';
  if ('action' in input) {
    if (input.action === 'late') return typeof input.input === 'function' ? undefined : 'a late input needs a function';
    const ok = ['writeFile', 'addMachine', 'recreate', 'kill', 'boot', 'partition', 'heal', 'advance'];
    return ok.includes(input.action) ? undefined : `unknown action ${String(input.action)}`;
  }
  if (typeof input.machine !== 'string' || !/^core-\d\d$/.test(input.machine)) return 'needs a machine (core-NN)';
  if ('line' in input) return typeof input.line === 'string' && input.line.trim() ? undefined : 'empty line';
  if ('interrupt' in input) return undefined;
  return 'needs a line, interrupt or action';
}
