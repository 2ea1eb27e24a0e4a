import type { Command } from '../process.ts';

/** The working directory. */
export const pwd: Command = async (proc) => {
  proc.stdout.write(proc.cwd + '\n');
  return 0;
};
