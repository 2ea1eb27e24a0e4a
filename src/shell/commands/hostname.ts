import type { Command } from '../process.ts';

/** The machine's name (coreos-vagrant sets it from the VM name: core-01...). */
export const hostname: Command = async (proc) => {
  const args = proc.argv.slice(1);
  const flags = args.filter((a) => a.startsWith('-'));
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length > 0) {
    proc.stderr.write('hostname: you must be root to change the host name\n');
    return 1;
  }
  if (flags.includes('-i') || flags.includes('-I')) {
    proc.stdout.write(`${proc.host.ip}${flags.includes('-I') ? ' ' : ''}\n`);
    return 0;
  }
  proc.stdout.write(proc.host.name + '\n');
  return 0;
};
