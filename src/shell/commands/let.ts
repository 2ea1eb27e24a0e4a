import { arith, ExpansionError } from '../expand.ts';
import type { Builtin } from '../registry.ts';

/** bash's let: each argument is arithmetic; the status is 1 when the last value is 0. */
export const letBuiltin: Builtin = async (proc, sh) => {
  const exprs = proc.argv.slice(1);
  if (exprs.length === 0) {
    proc.stderr.write('bash: let: expression expected\n');
    return 1;
  }
  let value = 0;
  for (const e of exprs) {
    try {
      value = arith(e, sh.state);
    } catch (err) {
      if (!(err instanceof ExpansionError)) throw err;
      // An error of this command only (let.def returns EXECUTION_FAILURE).
      proc.stderr.write(`bash: let: ${err.message}\n`);
      return 1;
    }
  }
  return value === 0 ? 1 : 0;
};
