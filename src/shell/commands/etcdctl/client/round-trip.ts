import type { Headers } from '../../../../sim/http.ts';
import type { Runtime } from '../runtime.ts';
import { DeadlineExceeded, GoError, dialError, dialTimeoutError, headerTimeoutError } from './errors.ts';
import type { GoURL } from '../../../../sim/go-url.ts';

/** One HTTP request as the Go client builds it. `path` is already escaped. */
export interface OutRequest {
  method: string;
  path: string;
  query: string;
  headers: Headers;
  /** undefined: no body at all (http.NewRequest with nil), which the cURL debug line shows. */
  body?: string;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: string;
}

export interface TripOptions {
  /** The endpoint as printed in errors (URL.String()). */
  endpoint: string;
  /** 0: none. Header timeout per request (etcdctl --timeout). */
  headerTimeoutMs: number;
  /** Absolute virtual time when the caller's context expires; undefined: never. */
  deadline?: number;
}

/** net.Dialer.Timeout in etcdctl's transport: a connect nobody answers fails after this. */
const DIAL_TIMEOUT_MS = 30_000;

export function header(h: Headers, name: string): string | undefined {
  const n = name.toLowerCase();
  return h.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** Host name and port of an http(s) URL (Go's default ports when none is given). */
export function hostPort(u: GoURL): { hostname: string; port: number } {
  // Requests go to the same few endpoints: split each once.
  const key = `${u.scheme} ${u.host}`;
  let hp = hostPorts.get(key);
  if (hp === undefined) {
    if (hostPorts.size >= 256) hostPorts.clear();
    hostPorts.set(key, (hp = splitHostPort(u)));
  }
  return hp;
}

const hostPorts = new Map<string, Readonly<{ hostname: string; port: number }>>();

function splitHostPort(u: GoURL): { hostname: string; port: number } {
  const m = /^\[([^\]]*)\](?::(\d*))?$/.exec(u.host) ?? /^([^:]*)(?::(\d*))?$/.exec(u.host);
  const hostname = m?.[1] ?? u.host;
  const p = m?.[2];
  return { hostname, port: p ? Number(p) : u.scheme === 'https' ? 443 : 80 };
}

/**
 * simpleHTTPClient.Do over the simulated network: resolves with the whole reply or with the Go
 * error the client would see. The header timeout covers connecting and waiting for the response
 * head; the deadline (the caller's context) covers everything and wins ties, as ctx.Err() is
 * checked first. Ctrl-C aborts the connection and rejects with the process's Exit.
 */
export function roundTrip(rt: Runtime, u: GoURL, req: OutRequest, opts: TripOptions): Promise<Reply | GoError> {
  const host = rt.proc.host;
  const signal = rt.proc.signal;
  return new Promise<Reply | GoError>((resolve, reject) => {
    if (signal.aborted) {
      host.wake(() => reject(rt.interrupted(signal.reason ?? 'SIGINT')));
      return;
    }
    if (u.scheme !== 'http' && u.scheme !== 'https') {
      host.wake(() => resolve(new GoError(`unsupported protocol scheme "${u.scheme}"`)));
      return;
    }
    const { hostname, port } = hostPort(u);
    if (hostname === '') {
      host.wake(() => resolve(new GoError('http: no Host in request URL')));
      return;
    }
    const now = host.now();
    if (opts.deadline !== undefined && opts.deadline <= now) {
      host.wake(() => resolve(DeadlineExceeded));
      return;
    }
    let done = false;
    let gotHead = false;
    let status = 0;
    let headers: Headers = [];
    const chunks: string[] = [];
    const cancels: (() => void)[] = [];
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      for (const c of cancels) c();
      host.wake(settle);
    };
    const conn = host.http(
      { address: hostname, port },
      { method: req.method, path: req.path, query: req.query, headers: req.headers, body: req.body ?? '' },
      {
        onHead: (s, h) => {
          gotHead = true;
          status = s;
          headers = h;
          if (u.scheme === 'https') {
            // A TLS client reading a plain-HTTP answer: Go's crypto/tls wording.
            conn.abort();
            finish(() => resolve(new GoError('tls: oversized record received with length 20527')));
          }
        },
        onData: (c) => chunks.push(c),
        onEnd: () => finish(() => resolve({ status, headers, body: chunks.join('') })),
        onError: (code) => finish(() => resolve(dialError(code, hostname, port))),
      },
    );
    const fail = (err: GoError) => {
      conn.abort();
      finish(() => resolve(err));
    };
    const untilDeadline = opts.deadline === undefined ? Infinity : opts.deadline - now;
    if (opts.headerTimeoutMs > 0 && opts.headerTimeoutMs < untilDeadline) {
      cancels.push(host.setTimer(() => !gotHead && fail(headerTimeoutError(opts.endpoint)), opts.headerTimeoutMs));
    }
    if (untilDeadline !== Infinity) cancels.push(host.setTimer(() => fail(DeadlineExceeded), untilDeadline));
    if (DIAL_TIMEOUT_MS < untilDeadline) {
      cancels.push(host.setTimer(() => !gotHead && fail(dialTimeoutError(hostname, port)), DIAL_TIMEOUT_MS));
    }
    cancels.push(
      signal.onAbort((reason) => {
        conn.abort();
        finish(() => reject(rt.interrupted(reason)));
      }),
    );
  });
}
