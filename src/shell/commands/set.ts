import type { Builtin } from '../registry.ts';

/** `set` quoting: values with special characters in single quotes, as bash lists them. */
const quote = (v: string) => (/^[A-Za-z0-9_./:@%+,=-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

/**
 * bash's set: without arguments lists the variables; `set -- a b` sets the positional
 * parameters. Option letters (-e, -x, -u...) are accepted but change nothing here.
 */
export const set: Builtin = async (proc, sh) => {
  const st = sh.state;
  const args = proc.argv.slice(1);
  if (args.length === 0) {
    for (const k of [...st.vars.keys()].sort()) proc.stdout.write(`${k}=${quote(st.vars.get(k)!)}\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      st.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      i++;
      continue;
    }
    if (!/^[-+][a-zA-Z]+$/.test(a)) break;
  }
  if (i < args.length) st.positional = args.slice(i);
  return 0;
};

/** bash's shift: drops the first N positional parameters. */
export const shift: Builtin = async (proc, sh) => {
  const arg = proc.argv[1];
  const n = arg === undefined ? 1 : Number(arg);
  if (!Number.isInteger(n) || n < 0) {
    proc.stderr.write(`bash: shift: ${arg}: numeric argument required\n`);
    return 1;
  }
  if (n > sh.state.positional.length) return 1;
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};
