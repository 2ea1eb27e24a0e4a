import type { Command } from '../process.ts';

/** `true` and `:`: succeed, doing nothing. */
export const trueCommand: Command = async () => 0;
