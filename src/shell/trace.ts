import type { ShellState } from './state.ts';

/** What makes bash quote a word in a trace (general.c sh_contains_shell_metas). */
const METAS = /[ \t\n'"\\|&;()<>!{}*[\]?^$`]|^[~#]|[=:]~/;

/** A word as `set -x` shows it: '' for empty, single quotes around shell metacharacters. */
function traceWord(w: string): string {
  if (w === '') return "''";
  return METAS.test(w) ? `'${w.replace(/'/g, "'\\''")}'` : w;
}

/**
 * `set -x`: the lines bash writes before running a simple command (print_cmd.c
 * xtrace_print_assignment and xtrace_print_word_list): each assignment, then the words, after
 * PS4 with its first character repeated once more per `$(...)` level.
 */
export function traceLines(st: ShellState, assigns: Map<string, string> | undefined, argv: string[]): string {
  const ps4 = st.vars.get('PS4') ?? '+ ';
  const prefix = ps4 === '' ? '' : ps4[0]!.repeat(st.traceDepth + 1) + ps4.slice(1);
  let out = '';
  if (assigns) for (const [k, v] of assigns) out += `${prefix}${k}=${traceWord(v)}\n`;
  if (argv.length > 0) out += prefix + argv.map(traceWord).join(' ') + '\n';
  return out;
}
