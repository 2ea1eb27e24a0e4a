import { CATALOG } from './catalog.ts';
import { assembleLesson, lintLesson } from './lesson.ts';
import type { Lesson, LessonSteps } from './types.ts';

// Each lesson is its own chunk, fetched when opened (never part of the first load).
const texts = import.meta.glob<string>('../../lessons/*/index.md', { query: '?raw', import: 'default' });
const stepModules = import.meta.glob<LessonSteps>('../../lessons/*/steps.ts', { import: 'default' });

const folder = (slug: string) => `../../lessons/${slug}`;

/** Slugs of the lesson folders that exist. */
export function lessonSlugs(): string[] {
  return Object.keys(texts)
    .map((p) => p.split('/').at(-2)!)
    .sort();
}

/** The raw parts of a lesson folder, unchecked. */
export async function loadLessonParts(slug: string): Promise<{ markdown: string; steps: unknown }> {
  const t = texts[`${folder(slug)}/index.md`];
  const s = stepModules[`${folder(slug)}/steps.ts`];
  if (!t || !s) throw new Error(`no such lesson: ${slug}`);
  const [markdown, steps] = await Promise.all([t(), s()]);
  return { markdown, steps };
}

/** Loads a written lesson; throws with the lint's messages if its content is broken. */
export async function loadLesson(slug: string): Promise<Lesson> {
  const { markdown, steps } = await loadLessonParts(slug);
  const errs = lintLesson(slug, markdown, steps);
  if (errs.length) throw new Error(errs.join('\n'));
  return assembleLesson(slug, markdown, steps as LessonSteps);
}

/** Lint of every lesson folder, plus catalog entries marked available without a folder. */
export async function lintAllLessons(): Promise<string[]> {
  const errs: string[] = [];
  const slugs = lessonSlugs();
  for (const slug of slugs) {
    try {
      const { markdown, steps } = await loadLessonParts(slug);
      errs.push(...lintLesson(slug, markdown, steps));
    } catch (err) {
      errs.push(`lessons/${slug}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const e of CATALOG) if (e.available && !slugs.includes(e.slug)) errs.push(`catalog: ${e.slug} is marked available but lessons/${e.slug}/ has no index.md`);
  for (const slug of slugs) if (!CATALOG.find((e) => e.slug === slug)?.available) errs.push(`catalog: lessons/${slug} exists but is not marked available`);
  return errs;
}
