import type { Command } from '../process.ts';

/** `false`: fail, doing nothing. */
export const falseCommand: Command = async () => 1;
