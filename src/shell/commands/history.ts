import type { Builtin } from '../registry.ts';

/** bash's history: the lines read, numbered (`%5d  %s`); `history N` the last N; `-c` clears. */
export const history: Builtin = async (proc, sh) => {
  const hist = sh.state.history;
  const arg = proc.argv[1];
  if (arg === '-c') {
    hist.length = 0;
    return 0;
  }
  let from = 0;
  if (arg !== undefined) {
    if (!/^\d+$/.test(arg)) {
      proc.stderr.write(`bash: history: ${arg}: numeric argument required\n`);
      return 1;
    }
    from = Math.max(0, hist.length - Number(arg));
  }
  let out = '';
  for (let i = from; i < hist.length; i++) out += `${String(i + 1).padStart(5)}  ${hist[i]}\n`;
  proc.stdout.write(out);
  return 0;
};
