import type { Builtin } from '../registry.ts';
import { NAME_RE, type ShellState } from '../state.ts';

/** `declare -p` quoting: inside double quotes, " \ $ and ` escaped (sh_double_quote). */
const quote = (v: string) => '"' + v.replace(/["\\$`]/g, '\\$&') + '"';

const USAGE: Record<string, string> = {
  declare: 'declare: usage: declare [-aAfFgilnrtux] [-p] [name[=value] ...]\n',
  typeset: 'typeset: usage: typeset [-aAfFgilnrtux] [-p] [name[=value] ...]\n',
  readonly: 'readonly: usage: readonly [-aAf] [name[=value] ...] or readonly -p\n',
};

/** How `declare -p` shows a variable: its attributes (r before x, or --) and value. */
function describe(st: ShellState, name: string): string {
  const flags = (st.readonly.has(name) ? 'r' : '') + (st.exported.has(name) ? 'x' : '');
  const v = st.vars.get(name);
  return `declare -${flags || '-'} ${name}${v === undefined ? '' : '=' + quote(v)}\n`;
}

/**
 * bash's declare / typeset / readonly, for plain variables: `-r` readonly, `-x` exported
 * (`+x` not), `-p` prints. Arrays, integers and functions' bodies are not modelled (their
 * letters are accepted and do nothing).
 */
export const declare: Builtin = async (proc, sh) => {
  const st = sh.state;
  const cmd = proc.argv[0]!;
  let args = proc.argv.slice(1);
  const set = new Set<string>(cmd === 'readonly' ? ['r'] : []);
  const unset = new Set<string>();
  let print = false;
  const letters = cmd === 'readonly' ? 'aAfp' : 'aAfFgilnrtuxp';
  while (args[0] !== undefined && /^[-+]./.test(args[0])) {
    const a = args.shift()!;
    if (a === '--') break;
    for (const c of a.slice(1)) {
      if (!letters.includes(c)) {
        proc.stderr.write(`bash: ${cmd}: ${a[0]}${c}: invalid option\n${USAGE[cmd]}`);
        return 2;
      }
      if (c === 'p') print = true;
      else (a[0] === '-' ? set : unset).add(c);
    }
  }
  if (args.length === 0) {
    // With no names: every variable (with -r / readonly, the readonly ones; -x, the exported).
    const names = [...st.vars.keys(), ...st.readonly].filter((n, i, all) => all.indexOf(n) === i).sort();
    for (const n of names) {
      if ((set.has('r') && !st.readonly.has(n)) || (set.has('x') && !st.exported.has(n))) continue;
      proc.stdout.write(describe(st, n));
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME_RE.test(name)) {
      proc.stderr.write(`bash: ${cmd}: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (print) {
      if (st.vars.has(name) || st.readonly.has(name)) proc.stdout.write(describe(st, name));
      else {
        proc.stderr.write(`bash: ${cmd}: ${name}: not found\n`);
        status = 1;
      }
      continue;
    }
    if (eq >= 0 && st.readonly.has(name)) {
      // readonly's own complaint has no command name (bind_variable's err_readonly).
      proc.stderr.write(cmd === 'readonly' ? `bash: ${name}: readonly variable\n` : `bash: ${cmd}: ${name}: readonly variable\n`);
      status = 1;
      continue;
    }
    if (eq >= 0) st.vars.set(name, a.slice(eq + 1));
    if (set.has('x')) st.exported.add(name);
    if (unset.has('x')) st.exported.delete(name);
    if (set.has('r')) st.readonly.add(name);
  }
  return status;
};
