import { FileSystem } from '../host/filesystem.ts';

/**
 * The host's files as the shell sees them. The FileSystem only knows what was written; the
 * directories every CoreOS machine has are overlaid here so `cd /tmp` or `ls /` work.
 */
const STANDARD_DIRS = [
  '/bin', '/boot', '/dev', '/etc', '/home', '/home/core', '/lib', '/lib64', '/media', '/mnt', '/opt', '/opt/bin',
  '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/sbin',
  '/usr/share', '/var', '/var/lib', '/var/log', '/etc/systemd', '/etc/systemd/system',
];
const DIR_SET = new Set(STANDARD_DIRS);

/** Character devices every process can use. */
export const DEVICES = new Set(['/dev/null', '/dev/stdin', '/dev/stdout', '/dev/stderr', '/dev/zero', '/dev/random', '/dev/urandom', '/dev/tty']);

export const HOME = '/home/core';

export function resolvePath(cwd: string, p: string): string {
  return FileSystem.normalize(p, cwd);
}

export function isDir(fs: FileSystem, abs: string): boolean {
  return DIR_SET.has(abs) || fs.isDir(abs);
}

export function isFile(fs: FileSystem, abs: string): boolean {
  return fs.isFile(abs) && !isDir(fs, abs);
}

export function exists(fs: FileSystem, abs: string): boolean {
  return isDir(fs, abs) || fs.isFile(abs) || DEVICES.has(abs);
}

/** Names in a directory, sorted. */
export function listDir(fs: FileSystem, abs: string): string[] {
  const names = new Set(fs.list(abs));
  const prefix = abs === '/' ? '/' : abs + '/';
  for (const d of STANDARD_DIRS) if (d.startsWith(prefix) && !d.slice(prefix.length).includes('/')) names.add(d.slice(prefix.length));
  if (abs === '/dev') for (const d of DEVICES) names.add(d.slice(5));
  return [...names].sort();
}

/** The parent directory of an absolute path. */
export function dirname(abs: string): string {
  return abs.slice(0, abs.lastIndexOf('/')) || '/';
}

export type FsError = 'No such file or directory' | 'Is a directory' | 'Not a directory' | 'Permission denied' | 'Read-only file system';

/** Why a file cannot be read, or undefined when it can. */
export function readError(fs: FileSystem, abs: string): FsError | undefined {
  if (isDir(fs, abs)) return 'Is a directory';
  if (fs.isFile(abs) || DEVICES.has(abs)) return undefined;
  return parentError(fs, abs) ?? 'No such file or directory';
}

/** A path below a file: "Not a directory"; below nothing: "No such file or directory". */
function parentError(fs: FileSystem, abs: string): FsError | undefined {
  for (let d = dirname(abs); d !== '/'; d = dirname(d)) {
    if (isFile(fs, d)) return 'Not a directory';
  }
  return undefined;
}

/** Reads a file; devices read as empty. */
export function readFile(fs: FileSystem, abs: string): { text: string } | { error: FsError } {
  const err = readError(fs, abs);
  if (err) return { error: err };
  return { text: fs.read(abs) ?? '' };
}

/**
 * Why `user` cannot create or write `abs`, or undefined. The `core` user owns its home and
 * /tmp; the rest of the tree is root's, and /usr is mounted read-only on CoreOS.
 */
export function writeError(fs: FileSystem, abs: string, user: string): FsError | undefined {
  if (DEVICES.has(abs)) return undefined;
  if (isDir(fs, abs)) return 'Is a directory';
  const parentErr = parentError(fs, abs);
  if (parentErr) return parentErr;
  if (!isDir(fs, dirname(abs))) return 'No such file or directory';
  if (abs === '/usr' || abs.startsWith('/usr/')) return 'Read-only file system';
  if (user === 'root') return undefined;
  if (abs.startsWith(HOME + '/') || abs.startsWith('/tmp/')) return undefined;
  return 'Permission denied';
}

/** Why `user` cannot create the directory `abs` (its parent must exist and be writable). */
export function mkdirError(fs: FileSystem, abs: string, user: string): FsError | undefined {
  if (exists(fs, abs)) return undefined;
  return writeError(fs, abs, user);
}

/** Writes a file, for redirections and commands; devices swallow what they get. */
export function writeFile(fs: FileSystem, abs: string, text: string, append: boolean): void {
  if (DEVICES.has(abs)) return;
  if (append) fs.append(abs, text);
  else fs.write(abs, text);
}
