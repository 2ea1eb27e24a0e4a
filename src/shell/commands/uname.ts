import type { Command } from '../process.ts';
import { usageError } from './lib/getopt.ts';

// UNSURE: the kernel of CoreOS 1010.5.0 (stable, June 2016); 4.5.7 is our best reading of its release notes.
const KERNEL = '4.5.7-coreos';
const VERSION = '#2 SMP Fri Jun 17 01:39:28 UTC 2016';
const MACHINE = 'x86_64';

/** `uname` and its flags; `-a` prints them all in the kernel's order. */
export const uname: Command = async (proc) => {
  const want = new Set<string>();
  for (const a of proc.argv.slice(1)) {
    const long: Record<string, string> = { '--all': 'a', '--kernel-name': 's', '--nodename': 'n', '--kernel-release': 'r', '--kernel-version': 'v', '--machine': 'm', '--processor': 'p', '--hardware-platform': 'i', '--operating-system': 'o' };
    if (a in long) want.add(long[a]!);
    else if (/^-[asnrvmpio]+$/.test(a)) for (const c of a.slice(1)) want.add(c);
    else {
      proc.stderr.write(a.startsWith('-') ? usageError('uname', `invalid option -- '${a.replace(/^-+/, '')[0]}'`) : usageError('uname', `extra operand ‘${a}’`));
      return 1;
    }
  }
  if (want.size === 0) want.add('s');
  const all = want.has('a');
  const fields: string[] = [];
  if (all || want.has('s')) fields.push('Linux');
  if (all || want.has('n')) fields.push(proc.host.name);
  if (all || want.has('r')) fields.push(KERNEL);
  if (all || want.has('v')) fields.push(VERSION);
  if (all || want.has('m')) fields.push(MACHINE);
  // -p and -i print "unknown" on CoreOS; -a leaves them out when unknown.
  if (!all && want.has('p')) fields.push('unknown');
  if (!all && want.has('i')) fields.push('unknown');
  if (all || want.has('o')) fields.push('GNU/Linux');
  proc.stdout.write(fields.join(' ') + '\n');
  return 0;
};
