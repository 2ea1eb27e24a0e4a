import type { Builtin } from '../registry.ts';

/** The effective user: `core`, or `root` under sudo. */
export const whoami: Builtin = async (proc, sh) => {
  if (proc.argv.length > 1) {
    proc.stderr.write(`whoami: extra operand ‘${proc.argv[1]}’\nTry 'whoami --help' for more information.\n`);
    return 1;
  }
  proc.stdout.write(sh.state.user + '\n');
  return 0;
};
