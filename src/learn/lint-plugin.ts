import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * Fails `vite build` when lesson content is broken (a step without a check, hint or solution,
 * text and steps out of step ...): runs `lintAllLessons` (lint-all.ts) through Vite's module runner, so the
 * lessons load exactly as the site loads them (`?raw`, import.meta.glob, TypeScript).
 */
export function lessonLint(): Plugin {
  return {
    name: 'lesson-lint',
    apply: 'build',
    async buildStart() {
      const { runnerImport } = await import('vite');
      const entry = fileURLToPath(new URL('./lint-all.ts', import.meta.url));
      const { module } = await runnerImport<{ errors: string[] }>(entry, { logLevel: 'error' });
      const errs = module.errors;
      if (errs.length) this.error(`lesson content is broken:\n  ${errs.join('\n  ')}`);
    },
  };
}
