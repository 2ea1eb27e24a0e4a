/**
 * GNU getopt_long as coreutils use it: short options bundle (`-vn`), an option's argument is
 * attached or the next word, options may follow operands, `--` ends them.
 */
export interface OptSpec {
  /** Short options without an argument, e.g. "vic". */
  flags?: string;
  /** Short options taking an argument, e.g. "n". */
  withArg?: string;
  /** Long option -> the short letter (or a name) it stands for; a trailing `=` takes an argument. */
  long?: Record<string, string>;
  /** Stop at the first operand (POSIX order), as `env` and `sudo` do. */
  stopAtOperand?: boolean;
}

export type OptResult =
  | { ok: true; opts: [string, string | true][]; operands: string[] }
  | { ok: false; error: string };

export function getopt(args: string[], spec: OptSpec): OptResult {
  const opts: [string, string | true][] = [];
  const operands: string[] = [];
  const flags = spec.flags ?? '';
  const withArg = spec.withArg ?? '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.long) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const keys = Object.keys(spec.long);
      const exact = keys.find((k) => k.replace(/=$/, '') === name);
      const matches = exact ? [exact] : keys.filter((k) => k.startsWith(name));
      if (matches.length !== 1) {
        return { ok: false, error: matches.length === 0 ? `unrecognized option '${a}'` : `option '${a}' is ambiguous` };
      }
      const key = matches[0]!;
      const target = spec.long[key]!;
      if (key.endsWith('=')) {
        if (eq >= 0) opts.push([target, a.slice(eq + 1)]);
        else if (i + 1 < args.length) opts.push([target, args[++i]!]);
        else return { ok: false, error: `option '--${key.slice(0, -1)}' requires an argument` };
      } else {
        if (eq >= 0) return { ok: false, error: `option '--${key}' doesn't allow an argument` };
        opts.push([target, true]);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (withArg.includes(c)) {
          const rest = a.slice(j + 1);
          if (rest) opts.push([c, rest]);
          else if (i + 1 < args.length) opts.push([c, args[++i]!]);
          else return { ok: false, error: `option requires an argument -- '${c}'` };
          break;
        }
        if (!flags.includes(c)) return { ok: false, error: `invalid option -- '${c}'` };
        opts.push([c, true]);
      }
      continue;
    }
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(a);
  }
  return { ok: true, opts, operands };
}

/** `cmd: <error>` and coreutils' hint line. */
export function usageError(name: string, error: string): string {
  return `${name}: ${error}\nTry '${name} --help' for more information.\n`;
}
