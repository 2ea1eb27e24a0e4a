import { clean, isCleanRooted } from '../sim/go-path.ts';

/** A host's files: absolute paths to text. Directories exist implicitly above files, or explicitly. */
export interface FileEntry {
  content: string;
  mode: number;
  /** Files under /usr are read-only on CoreOS. */
  readonly?: boolean;
}

export class FileSystem {
  private files = new Map<string, FileEntry>();
  private dirs = new Set<string>(['/']);
  private changes = 0;

  /**
   * Bumped by every change to the files: views derived from them (the unit files systemd has
   * found and parsed) are kept while it stays the same.
   */
  get generation(): number {
    return this.changes;
  }

  /** An absolute, clean path (a rooted path.Clean: `..` stops at `/`). */
  static normalize(path: string, cwd = '/'): string {
    // Most paths asked for are normal already (every login reads /etc/environment).
    if (isCleanRooted(path)) return path;
    return clean(path.startsWith('/') ? path : `${cwd}/${path}`);
  }

  read(path: string): string | undefined {
    return this.files.get(FileSystem.normalize(path))?.content;
  }

  write(path: string, content: string, mode = 0o644): void {
    const p = FileSystem.normalize(path);
    const old = this.files.get(p);
    // Every boot, coreos-cloudinit writes the same units and drop-ins again: no change.
    if (old !== undefined && old.content === content && old.mode === mode && !old.readonly) return;
    this.files.set(p, { content, mode });
    this.changes++;
    let d = p.slice(0, p.lastIndexOf('/')) || '/';
    while (!this.dirs.has(d)) {
      this.dirs.add(d);
      d = d.slice(0, d.lastIndexOf('/')) || '/';
    }
  }

  append(path: string, content: string): void {
    this.write(path, (this.read(path) ?? '') + content);
  }

  remove(path: string): boolean {
    const removed = this.files.delete(FileSystem.normalize(path));
    if (removed) this.changes++;
    return removed;
  }

  mkdir(path: string): void {
    const p = FileSystem.normalize(path);
    this.write(p + '/.keep', '');
    this.remove(p + '/.keep');
  }

  isFile(path: string): boolean {
    return this.files.has(FileSystem.normalize(path));
  }

  isDir(path: string): boolean {
    return this.dirs.has(FileSystem.normalize(path));
  }

  /** Names directly inside a directory, sorted. */
  list(path: string): string[] {
    const p = FileSystem.normalize(path);
    const prefix = p === '/' ? '/' : p + '/';
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k !== p && k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]!);
    }
    return [...names].sort();
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}
