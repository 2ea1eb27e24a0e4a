/**
 * bash 4.3's `set -o` options (builtins/set.def o_options), with the letters `set -e` and `$-`
 * use (flags.c shell_flags). The playground acts on errexit, nounset, xtrace and pipefail; the
 * others are kept and listed, as bash would.
 */
const TABLE: readonly (readonly [name: string, letter: string])[] = [
  ['allexport', 'a'], ['braceexpand', 'B'], ['emacs', ''], ['errexit', 'e'], ['errtrace', 'E'],
  ['functrace', 'T'], ['hashall', 'h'], ['histexpand', 'H'], ['history', ''], ['ignoreeof', ''],
  ['interactive-comments', ''], ['keyword', 'k'], ['monitor', 'm'], ['noclobber', 'C'], ['noexec', 'n'],
  ['noglob', 'f'], ['nolog', ''], ['notify', 'b'], ['nounset', 'u'], ['onecmd', 't'], ['physical', 'P'],
  ['pipefail', ''], ['posix', ''], ['privileged', 'p'], ['verbose', 'v'], ['vi', ''], ['xtrace', 'x'],
];

export const OPTION_NAMES: readonly string[] = TABLE.map((o) => o[0]);

/** The option a letter stands for (`e`: errexit), or undefined. */
export function optionOfLetter(letter: string): string | undefined {
  for (const [name, l] of TABLE) if (l === letter) return name;
  return undefined;
}

/** An interactive login shell's options (readline, history, job control on). */
export const LOGIN_OPTIONS: readonly string[] = ['braceexpand', 'emacs', 'hashall', 'histexpand', 'history', 'interactive-comments', 'monitor'];
/** A shell running a script or `-c` text. */
export const SCRIPT_OPTIONS: readonly string[] = ['braceexpand', 'hashall', 'interactive-comments'];

/** The order of the letters in `$-` (shell_flags' order; `i` marks an interactive shell). */
const DOLLAR_HYPHEN_ORDER = 'abefhikmnptuvxBCEHPT';

/** `$-`: the letters of the options that are on. */
export function dollarHyphen(options: ReadonlySet<string>, interactive: boolean): string {
  let out = '';
  for (const c of DOLLAR_HYPHEN_ORDER) if (c === 'i' ? interactive : options.has(optionOfLetter(c)!)) out += c;
  return out;
}
