import type { FileSystem } from '../host/filesystem.ts';
import { isDir, listDir, resolvePath } from './paths.ts';

/**
 * Glob patterns as bash uses them (pathnames, `${x#pattern}`): `*`, `?`, `[...]`, and `\x` for
 * a literal character (quoted characters come to us escaped that way).
 */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && classEnd(pattern, i) > 0) return true;
  }
  return false;
}

export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, (c) => '\\' + c);
}

/** Removes the escapes of an escaped pattern (no match: the word stays as written). */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) if (p[j] === ']') return j;
  return -1;
}

const reEscape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The regular expression source for a pattern; `slash` false keeps `*` from crossing `/`. */
export function globToRegex(pattern: string, crossSlash = true): string {
  const any = crossSlash ? '[\\s\\S]' : '[^/]';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) out += reEscape(pattern[++i]!);
    else if (c === '*') out += any + '*';
    else if (c === '?') out += any;
    else if (c === '[' && classEnd(pattern, i) > 0) {
      const end = classEnd(pattern, i);
      let body = pattern.slice(i + 1, end);
      let neg = '';
      if (body[0] === '!' || body[0] === '^') {
        neg = '^';
        body = body.slice(1);
      }
      out += '[' + neg + body.replace(/\\/g, '\\\\').replace(/]/g, '\\]') + ']';
      i = end;
    } else out += reEscape(c);
  }
  return out;
}

export function matchGlob(pattern: string, text: string): boolean {
  return new RegExp('^' + globToRegex(pattern) + '$').test(text);
}

/** Paths matching a pathname pattern, sorted; empty when nothing matches. */
export function globPaths(fs: FileSystem, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let found: string[] = [absolute ? '/' : ''];
  for (let si = absolute ? 1 : 0; si < segs.length; si++) {
    const seg = segs[si]!;
    const next: string[] = [];
    for (const base of found) {
      const dirAbs = resolvePath(cwd, base || '.');
      const join = (name: string) => (base === '' ? name : base.endsWith('/') ? base + name : base + '/' + name);
      if (!hasGlob(seg)) {
        const name = unescapeGlob(seg);
        const p = join(name);
        const abs = resolvePath(cwd, p);
        if (si === segs.length - 1 ? fs.isFile(abs) || isDir(fs, abs) : isDir(fs, abs)) next.push(p);
        continue;
      }
      if (!isDir(fs, dirAbs)) continue;
      const re = new RegExp('^' + globToRegex(seg, false) + '$');
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of listDir(fs, dirAbs)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!re.test(name)) continue;
        const p = join(name);
        if (si < segs.length - 1 && !isDir(fs, resolvePath(cwd, p))) continue;
        next.push(p);
      }
    }
    found = next;
    if (found.length === 0) return [];
  }
  if (pattern.endsWith('/')) found = found.map((f) => f + '/');
  return found.sort();
}
