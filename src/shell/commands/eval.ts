import type { Builtin } from '../registry.ts';

/** bash's eval: its arguments joined by spaces, parsed and run in this shell. */
export const evalBuiltin: Builtin = async (proc, sh) => {
  const text = proc.argv.slice(1).join(' ');
  return text.trim() === '' ? 0 : sh.eval(text);
};
