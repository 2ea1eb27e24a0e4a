/** etcd's `types.URLsMap`: member name -> peer URLs, as `--initial-cluster` and discovery write it. */
export type URLsMap = Map<string, string[]>;

/** `types.NewURLsMap("a=http://x:2380,b=http://y:2380")`; an invalid URL gives an error string. */
export function parseURLsMap(s: string): URLsMap | { error: string } {
  const m: URLsMap = new Map();
  if (s === '') return m;
  for (const pair of s.split(',')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const url = eq < 0 ? '' : pair.slice(eq + 1);
    if (!/^https?:\/\/[^/]+:\d+\/?$/.test(url)) {
      return { error: url === '' || !url.includes('://') ? `URL scheme must be http or https: ${url}` : `URL address does not have the form "host:port": ${url}` };
    }
    const list = m.get(name) ?? [];
    list.push(url);
    m.set(name, list.sort());
  }
  return m;
}

/** `URLsMap.String()`: every `name=url` pair, sorted, joined with commas. */
export function urlsMapString(m: URLsMap): string {
  const pairs: string[] = [];
  for (const [name, urls] of m) for (const u of urls) pairs.push(`${name}=${u}`);
  return pairs.sort().join(',');
}

/** `URLsMap.URLs()`: all URLs, sorted. */
export function urlsMapURLs(m: URLsMap): string[] {
  return [...m.values()].flat().sort();
}
