import { lintAllLessons } from './load.ts';

/** Every lesson's lint messages, computed on import (the build's module runner closes after it). */
export const errors: string[] = await lintAllLessons();
