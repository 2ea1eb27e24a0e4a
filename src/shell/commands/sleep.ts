import type { Command } from '../process.ts';
import { killedStatus } from '../signal.ts';
import { usageError } from './lib/getopt.ts';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** coreutils sleep: NUMBER[smhd]..., summed; decimals allowed; `infinity`. Ctrl-C ends it. */
export const sleep: Command = async (proc) => {
  const dd = proc.argv.indexOf('--');
  // Options come first (getopt, none known): `sleep -1` is an option, not a number.
  const bad0 = proc.argv.slice(1, dd < 0 ? undefined : dd).find((a) => a.startsWith('-') && a !== '-');
  if (bad0 !== undefined) {
    proc.stderr.write(usageError('sleep', bad0.startsWith('--') ? `unrecognized option '${bad0}'` : `invalid option -- '${bad0[1]}'`));
    return 1;
  }
  const args = proc.argv.slice(1).filter((a, i, all) => !(a === '--' && all.indexOf('--') === i));
  if (args.length === 0) {
    proc.stderr.write(usageError('sleep', 'missing operand'));
    return 1;
  }
  let seconds = 0;
  let bad = false;
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (/^inf(inity)?$/i.test(a)) seconds = Infinity;
    else if (m) seconds += Number(m[1]) * UNIT[m[2]!]!;
    else {
      proc.stderr.write(`sleep: invalid time interval ‘${a}’\n`);
      bad = true;
    }
  }
  if (bad) {
    proc.stderr.write(`Try 'sleep --help' for more information.\n`);
    return 1;
  }
  if (seconds === Infinity) {
    // Never wakes on its own: wait for the signal.
    await new Promise<void>((resolve) => proc.signal.onAbort(() => proc.host.wake(resolve)));
    return killedStatus(proc.signal.reason);
  }
  const done = await proc.sleep(Math.round(seconds * 1000));
  return done ? 0 : killedStatus(proc.signal.reason);
};
