import type { Builtin } from '../registry.ts';
import { NAME_RE } from '../state.ts';

/** `declare -x` quoting: inside double quotes, escape " \ $ and `. */
const quote = (v: string) => '"' + v.replace(/["\\$`]/g, '\\$&') + '"';

/** bash's export: `NAME=value`, `NAME`, `-n NAME`; without names lists `declare -x ...`. */
export const exportBuiltin: Builtin = async (proc, sh) => {
  const st = sh.state;
  let args = proc.argv.slice(1);
  let unexport = false;
  while (args[0]?.startsWith('-') && args[0] !== '-' && args[0] !== '--') {
    const a = args.shift()!;
    if (a === '-n') unexport = true;
    else if (a === '-p' || a === '-f') continue;
    else {
      proc.stderr.write(`bash: export: ${a.slice(0, 2)}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
      return 2;
    }
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    for (const name of [...st.exported].sort()) {
      const v = st.vars.get(name);
      proc.stdout.write(v === undefined ? `declare -x ${name}\n` : `declare -x ${name}=${quote(v)}\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq).replace(/\+$/, '') : a;
    if (!NAME_RE.test(name)) {
      proc.stderr.write(`bash: export: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (eq >= 0 && st.readonly.has(name)) {
      proc.stderr.write(`bash: ${name}: readonly variable\n`);
      status = 1;
    } else if (eq >= 0) {
      const value = a.slice(eq + 1);
      st.vars.set(name, a[eq - 1] === '+' ? (st.vars.get(name) ?? '') + value : value);
    }
    if (unexport) st.exported.delete(name);
    else st.exported.add(name);
  }
  return status;
};
