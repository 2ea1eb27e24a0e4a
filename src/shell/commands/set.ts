import { OPTION_NAMES, optionOfLetter } from '../options.ts';
import type { Builtin } from '../registry.ts';

/** `set` quoting: values with special characters in single quotes, as bash lists them. */
const quote = (v: string) => (/^[A-Za-z0-9_./:@%+,=-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

const USAGE = 'set: usage: set [-abefhkmnptuvxBCHP] [-o option-name] [--] [arg ...]\n';

/**
 * bash's set: without arguments lists the variables; `-e`, `+x`, `-o pipefail` turn options on
 * and off (all checked before any is changed, as set.def's first getopt pass does); the
 * arguments after them (or after `--`) become the positional parameters.
 */
export const set: Builtin = async (proc, sh) => {
  const st = sh.state;
  const args = proc.argv.slice(1);
  if (args.length === 0) {
    for (const k of [...st.vars.keys()].sort()) proc.stdout.write(`${k}=${quote(st.vars.get(k)!)}\n`);
    return 0;
  }
  const changes: [string, boolean][] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-') {
      // `set -`: -x and -v off, the rest positional.
      changes.push(['xtrace', false], ['verbose', false]);
      i++;
      break;
    }
    const on = a[0] === '-';
    if (!/^[-+]./.test(a)) break;
    if (a === '-o' || a === '+o') {
      const name = args[i + 1];
      if (name === undefined) {
        listOptions(proc.stdout, st.options, on);
        continue;
      }
      if (!OPTION_NAMES.includes(name)) {
        proc.stderr.write(`bash: set: ${name}: invalid option name\n`);
        return 2;
      }
      changes.push([name, on]);
      i++;
      continue;
    }
    for (const c of a.slice(1)) {
      const name = optionOfLetter(c);
      if (name === undefined) {
        proc.stderr.write(`bash: set: ${a[0]}${c}: invalid option\n${USAGE}`);
        return 2;
      }
      changes.push([name, on]);
    }
  }
  for (const [name, on] of changes) {
    if (on) st.options.add(name);
    else st.options.delete(name);
  }
  if (i < args.length || args[i - 1] === '--') st.positional = args.slice(i);
  return 0;
};

/** `set -o` (a table) or `set +o` (commands that would set them again). */
function listOptions(out: { write(s: string): void }, options: ReadonlySet<string>, table: boolean): void {
  for (const name of OPTION_NAMES) {
    const on = options.has(name);
    out.write(table ? `${name.padEnd(15)}\t${on ? 'on' : 'off'}\n` : `set ${on ? '-' : '+'}o ${name}\n`);
  }
}

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
