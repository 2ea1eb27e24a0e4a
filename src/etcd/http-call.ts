import type { World } from '../sim/world.ts';
import type { Headers, HttpErrorCode } from '../sim/http.ts';

/** A whole response. */
export interface CallResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** A request that got no response: Go's error text as etcd logs it. */
export interface CallError {
  error: string;
  /** Could not connect (a cluster-client retries the next endpoint) or ran out of time. */
  kind: 'dial' | 'timeout';
}

export type CallResult = CallResponse | CallError;

export const isCallError = (r: CallResult): r is CallError => 'error' in r;

export interface ParsedURL {
  scheme: string;
  host: string;
  port: number;
  path: string;
  query: string;
}

export function parseURL(url: string): ParsedURL | undefined {
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?/.exec(url);
  if (!m) return undefined;
  return { scheme: m[1]!, host: m[2]!, port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] || '/', query: m[5] ?? '' };
}

/** Go 1.6's dial errors, as etcd prints them. */
function dialError(code: HttpErrorCode, u: ParsedURL): string {
  const addr = `${u.host}:${u.port}`;
  if (code === 'ENOTFOUND') return `dial tcp: lookup ${u.host} on 10.0.2.3:53: no such host`;
  if (code === 'ECONNREFUSED') return `dial tcp ${addr}: getsockopt: connection refused`;
  return `dial tcp ${addr}: getsockopt: no route to host`;
}

export interface CallOptions {
  method?: string;
  query?: string;
  headers?: Headers;
  body?: string;
  /** Whole-request limit (0/undefined: none, as for a watch). */
  timeoutMs?: number;
  /** Give up connecting after this long (`dial tcp ...: i/o timeout`). */
  dialTimeoutMs?: number;
}

/**
 * One HTTP request a daemon makes over the simulated network (etcd's discovery client, its
 * proxy, a joining member). `done` runs exactly once; the returned function aborts.
 */
export function httpCall(world: World, from: string, url: string, opts: CallOptions, done: (r: CallResult) => void): () => void {
  const u = parseURL(url);
  let over = false;
  const timers: number[] = [];
  const finish = (r: CallResult) => {
    if (over) return;
    over = true;
    for (const t of timers) world.clock.cancel(t);
    done(r);
  };
  if (!u) {
    world.clock.schedule(() => finish({ error: `parse ${url}: invalid URI for request`, kind: 'dial' }), 0);
    return () => (over = true);
  }
  let status = 0;
  let headers: Headers = [];
  let body = '';
  let connected = false;
  const conn = world.http.request(
    from,
    { address: u.host, port: u.port },
    { method: opts.method ?? 'GET', path: u.path, query: opts.query ?? u.query, headers: opts.headers ?? [], body: opts.body ?? '' },
    {
      onConnect: () => (connected = true),
      onHead: (s, h) => {
        connected = true;
        status = s;
        headers = h;
      },
      onData: (c) => (body += c),
      onEnd: () => finish({ status, headers, body }),
      onError: (code) => finish({ error: dialError(code, u), kind: 'dial' }),
      // The server's process stopped mid-request: what Go's client reads, as a failed endpoint.
      onServerClose: (gotHead) => finish({ error: gotHead ? 'unexpected EOF' : 'EOF', kind: 'dial' }),
    },
  );
  if (opts.dialTimeoutMs) {
    timers.push(
      world.clock.schedule(() => {
        if (connected) return;
        conn.abort();
        finish({ error: `dial tcp ${u.host}:${u.port}: i/o timeout`, kind: 'dial' });
      }, opts.dialTimeoutMs),
    );
  }
  if (opts.timeoutMs) {
    timers.push(
      world.clock.schedule(() => {
        conn.abort();
        finish({ error: 'context deadline exceeded', kind: 'timeout' });
      }, opts.timeoutMs),
    );
  }
  return () => {
    if (over) return;
    over = true;
    for (const t of timers) world.clock.cancel(t);
    conn.abort();
  };
}

export function header(h: Headers, name: string): string | undefined {
  const l = name.toLowerCase();
  return h.find(([k]) => k.toLowerCase() === l)?.[1];
}
