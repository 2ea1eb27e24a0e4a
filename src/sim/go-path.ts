/**
 * Go's `path` package (Clean, Join, Split, Dir): etcd cleans keys with it (`/foo//bar/` and
 * `/foo/./bar` name the same node), etcdctl its URL paths, coreos-cloudinit file paths, and
 * a host's files follow the same rules.
 */

/** Go path.Clean. */
export function clean(p: string): string {
  if (p === '') return '.';
  // Keys and request paths are clean already, most of the time.
  if (isCleanRooted(p)) return p;
  const rooted = p.charCodeAt(0) === 47; // '/'
  const out: string[] = [];
  let dotdot = 0; // how many leading '..' a relative path keeps
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > dotdot) out.pop();
      else if (!rooted) {
        out.push('..');
        dotdot = out.length;
      }
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}

/** Go path.Join: joins the non-empty elements with '/' and cleans; "" if all are empty. */
export function join(...elems: string[]): string {
  const parts = elems.filter((e) => e !== '');
  if (parts.length === 0) return '';
  return clean(parts.join('/'));
}

/** Go path.Split: [dir, file] split after the last '/'. */
export function split(p: string): [string, string] {
  const i = p.lastIndexOf('/');
  return [p.slice(0, i + 1), p.slice(i + 1)];
}

/** Go path.Dir: everything but the last element, cleaned. */
export function dir(p: string): string {
  return clean(split(p)[0]);
}

/** True when Clean would return `p` as it is: rooted, no empty, `.` or `..` segment (most keys). */
export function isCleanRooted(p: string): boolean {
  if (p.charCodeAt(0) !== 47) return false;
  if (p.length === 1) return true;
  let start = 1; // first character of the current segment
  for (let i = 1; i <= p.length; i++) {
    if (i < p.length && p.charCodeAt(i) !== 47) continue;
    const len = i - start;
    if (len === 0) return false;
    if (p.charCodeAt(start) === 46 && (len === 1 || (len === 2 && p.charCodeAt(start + 1) === 46))) return false;
    start = i + 1;
  }
  return true;
}
