import type { Command } from '../process.ts';

/** Home the cursor and erase the screen (what `clear` writes for an xterm). */
export const clear: Command = async (proc) => {
  proc.stdout.write('\x1b[H\x1b[2J');
  return 0;
};
