/** Where the page is: the sandbox, the lesson index, or a lesson at a step (1-based in the URL). */
export type Route = { kind: 'sandbox' } | { kind: 'index' } | { kind: 'lesson'; slug: string; step?: number };

/** `#/lessons/04-etcd-read-write/3` -> lesson 04 at step 3 (index 2); `#/lessons` -> index; else sandbox. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'lessons') return { kind: 'sandbox' };
  if (!parts[1]) return { kind: 'index' };
  const n = Number.parseInt(parts[2] ?? '', 10);
  return Number.isInteger(n) && n >= 1 ? { kind: 'lesson', slug: parts[1], step: n - 1 } : { kind: 'lesson', slug: parts[1] };
}

export function formatRoute(r: Route): string {
  if (r.kind === 'sandbox') return '#/';
  if (r.kind === 'index') return '#/lessons';
  return `#/lessons/${encodeURIComponent(r.slug)}` + (r.step !== undefined ? `/${r.step + 1}` : '');
}

/** The route, following the URL's hash; `go` navigates, `replace` rewrites without a history entry. */
export class Router {
  route: Route = $state({ kind: 'sandbox' });

  constructor() {
    this.route = parseRoute(location.hash);
    addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
  }

  go(r: Route): void {
    location.hash = formatRoute(r);
  }

  /** Updates the URL to `r` (e.g. the step moved on) without adding to the history. */
  replace(r: Route): void {
    const h = formatRoute(r);
    if (location.hash === h) return;
    history.replaceState(history.state, '', h);
    this.route = r;
  }
}
