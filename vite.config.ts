import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { lessonLint } from './src/learn/lint-plugin.ts';

export default defineConfig({
  // Relative base: dist/ works from any sub-path.
  base: './',
  // lessonLint: a broken lesson (a step without check, hint or solution) fails the build.
  plugins: [svelte(), lessonLint()],
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-lazy-modules.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'threads',
  },
});
