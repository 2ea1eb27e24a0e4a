/**
 * Go's `path` package (Clean, Join, Split) as etcd's store uses it: keys are cleaned the way
 * Go cleans them, so `/foo//bar/` and `/foo/./bar` name the same node.
 */

/** Go path.Clean. */
export function clean(p: string): string {
  if (p === '') return '.';
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

/** What every store operation does to its key first: `path.Clean(path.Join("/", p))`. */
export function cleanKey(p: string): string {
  return clean('/' + p);
}
