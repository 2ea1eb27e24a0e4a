import type { Command } from '../process.ts';

/** coreutils printenv: the whole environment, or the values of the named variables. */
export const printenv: Command = async (proc) => {
  const names = proc.argv.slice(1);
  if (names.length === 0) {
    for (const [k, v] of proc.env) proc.stdout.write(`${k}=${v}\n`);
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const v = proc.env.get(n);
    if (v === undefined) status = 1;
    else proc.stdout.write(v + '\n');
  }
  return status;
};
