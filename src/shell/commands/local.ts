import type { Builtin } from '../registry.ts';
import { NAME_RE } from '../state.ts';

/**
 * bash's local: variables of the function being run, hiding the caller's until it returns
 * (`local x` leaves x unset; `-x` exports it). Outside a function it is an error.
 */
export const local: Builtin = async (proc, sh) => {
  const st = sh.state;
  const frame = st.locals[st.locals.length - 1];
  if (!frame) {
    proc.stderr.write('bash: local: can only be used in a function\n');
    return 1;
  }
  let args = proc.argv.slice(1);
  let exportIt = false;
  while (args[0]?.startsWith('-') && args[0].length > 1) {
    if (args[0] === '--') {
      args = args.slice(1);
      break;
    }
    if (args[0].includes('x')) exportIt = true;
    args = args.slice(1);
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME_RE.test(name)) {
      proc.stderr.write(`bash: local: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (st.readonly.has(name)) {
      proc.stderr.write(`bash: local: ${name}: readonly variable\n`);
      status = 1;
    } else if (eq >= 0) {
      if (!frame.has(name)) frame.set(name, { value: st.vars.get(name), exported: st.exported.has(name) });
      st.vars.set(name, a.slice(eq + 1));
    } else if (!frame.has(name)) {
      // Already local: `local x` again keeps its value.
      frame.set(name, { value: st.vars.get(name), exported: st.exported.has(name) });
      st.vars.delete(name);
    }
    if (exportIt) st.exported.add(name);
  }
  return status;
};
