import type { Builtin } from '../registry.ts';
import { NAME_RE } from '../state.ts';

/** bash's unset: variables (and with `-f`, functions). */
export const unset: Builtin = async (proc, sh) => {
  const st = sh.state;
  let fn = false;
  let status = 0;
  for (const a of proc.argv.slice(1)) {
    if (a === '-f') fn = true;
    else if (a === '-v') fn = false;
    else if (fn) st.functions.delete(a);
    else if (!NAME_RE.test(a)) {
      proc.stderr.write(`bash: unset: \`${a}': not a valid identifier\n`);
      status = 1;
    } else if (st.readonly.has(a)) {
      proc.stderr.write(`bash: unset: ${a}: cannot unset: readonly variable\n`);
      status = 1;
    } else {
      st.vars.delete(a);
      st.exported.delete(a);
    }
  }
  return status;
};
