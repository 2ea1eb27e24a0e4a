import { HOME, exists, isDir, listDir, resolvePath } from '../paths.ts';
import type { Command, Process } from '../process.ts';
import { isTerminal } from '../streams.ts';
import { getopt, usageError } from './lib/getopt.ts';

const WIDTH = 80;

/** GNU ls's columns for a terminal: as many columns as fit in 80, filled top to bottom. */
export function columns(names: string[], width = WIDTH): string {
  if (names.length === 0) return '';
  const lens = names.map((n) => [...n].length);
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < used; c++) widths.push(Math.max(...lens.slice(c * rows, (c + 1) * rows)));
    const total = widths.reduce((a, w, c) => a + w + (c < used - 1 ? 2 : 0), 0);
    if (total > width && cols > 1) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < used; c++) {
        const k = c * rows + r;
        if (k >= names.length) break;
        const last = c === used - 1 || (c + 1) * rows + r >= names.length;
        line += last ? names[k] : names[k]!.padEnd(widths[c]! + 2);
      }
      lines.push(line);
    }
    return lines.join('\n') + '\n';
  }
  return '';
}

/** One `ls -l` line. Files keep no owner or time: home files are core's, the rest root's. */
function longLine(proc: Process, abs: string, name: string): string {
  const fs = proc.host.fs;
  const dir = isDir(fs, abs);
  const size = dir ? 4096 : new TextEncoder().encode(fs.read(abs) ?? '').length;
  const owner = abs.startsWith(HOME) ? 'core core' : 'root root';
  // UNSURE: the FileSystem has no modification times; the world's first day stands in.
  const when = 'Jun  1 09:00';
  const mode = dir ? 'drwxr-xr-x' : (fs.read(abs) ?? '').startsWith('#!') ? '-rwxr-xr-x' : '-rw-r--r--';
  return `${mode} ${dir ? 2 : 1} ${owner} ${String(size).padStart(5)} ${when} ${name}`;
}

function blocks(proc: Process, abs: string): number {
  if (isDir(proc.host.fs, abs)) return 4;
  return Math.ceil(new TextEncoder().encode(proc.host.fs.read(abs) ?? '').length / 4096) * 4;
}

/** coreutils ls, simply: names (columns on a terminal, one per line otherwise), `-a`, `-A`, `-1`, `-l`, `-d`. */
export const ls: Command = async (proc) => {
  const r = getopt(proc.argv.slice(1), { flags: 'aA1ldFhrt', long: { all: 'a', 'almost-all': 'A', directory: 'd', 'color': 'x', 'color=': 'x' } });
  if (!r.ok) {
    proc.stderr.write(usageError('ls', r.error));
    return 2;
  }
  const has = (f: string) => r.opts.some(([k]) => k === f);
  const fs = proc.host.fs;
  const long = has('l');
  const onePerLine = has('1') || !isTerminal(proc.stdout);
  const targets = r.operands.length ? r.operands : ['.'];
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const abs = resolvePath(proc.cwd, t);
    if (!exists(fs, abs)) {
      // UNSURE: coreutils 8.25 quotes the name ('x'); earlier releases did not.
      proc.stderr.write(`ls: cannot access ${t}: No such file or directory\n`);
      status = 2;
    } else if (isDir(fs, abs) && !has('d')) dirs.push(t);
    else files.push(t);
  }
  const show = (names: string[], base: string) => {
    if (long) {
      for (const n of names) proc.stdout.write(longLine(proc, resolvePath(proc.cwd, base ? `${base}/${n}` : n), n) + '\n');
    } else if (onePerLine) {
      for (const n of names) proc.stdout.write(n + '\n');
    } else proc.stdout.write(columns(names));
  };
  show(files.sort(), '');
  dirs.sort();
  dirs.forEach((d, i) => {
    const abs = resolvePath(proc.cwd, d);
    let names = listDir(fs, abs);
    if (!has('a') && !has('A')) names = names.filter((n) => !n.startsWith('.'));
    if (has('a')) names = ['.', '..', ...names];
    if (has('r')) names.reverse();
    if (targets.length > 1) proc.stdout.write(`${i > 0 || files.length ? '\n' : ''}${d}:\n`);
    if (long) proc.stdout.write(`total ${names.filter((n) => n !== '.' && n !== '..').reduce((a, n) => a + blocks(proc, resolvePath(abs, n)), 0)}\n`);
    show(names, d);
  });
  return status;
};
