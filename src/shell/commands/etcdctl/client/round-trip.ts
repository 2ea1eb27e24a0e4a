import type { Headers, HttpClientHandlers, HttpConnection, HttpErrorCode, HttpTarget } from '../../../../sim/http.ts';
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

/** The first value of an (ASCII) header name, in any case. */
export function header(h: Headers, name: string): string | undefined {
  const n = name.toLowerCase();
  for (let i = 0; i < h.length; i++) {
    const k = h[i]![0];
    // Only a name as long as ours can match it: the others are not lowercased at all.
    if (k.length === n.length && (k === name || k.toLowerCase() === n)) return h[i]![1];
  }
  return undefined;
}

/**
 * Where a request goes: the URL and its host name (`address`) and port, split once. It is the
 * connection's target itself, so a request to a known endpoint builds none.
 */
export interface Target extends HttpTarget {
  readonly url: GoURL;
}

/** The target of an http(s) URL (Go's default ports when none is given). */
export function targetOf(u: GoURL): Target {
  const m = /^\[([^\]]*)\](?::(\d*))?$/.exec(u.host) ?? /^([^:]*)(?::(\d*))?$/.exec(u.host);
  const address = m?.[1] ?? u.host;
  const p = m?.[2];
  return { url: u, address, port: p ? Number(p) : u.scheme === 'https' ? 443 : 80 };
}

/**
 * simpleHTTPClient.Do over the simulated network: resolves with the whole reply or with the Go
 * error the client would see. The header timeout covers connecting and waiting for the response
 * head; the deadline (the caller's context) covers everything and wins ties, as ctx.Err() is
 * checked first. Ctrl-C aborts the connection and rejects with the process's Exit.
 */
export function roundTrip(rt: Runtime, to: Target, req: OutRequest, opts: TripOptions): Promise<Reply | GoError> {
  const u = to.url;
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
    if (to.address === '') {
      host.wake(() => resolve(new GoError('http: no Host in request URL')));
      return;
    }
    if (opts.deadline !== undefined && opts.deadline <= host.now()) {
      host.wake(() => resolve(DeadlineExceeded));
      return;
    }
    new Trip(rt, u.scheme === 'https', to, req, opts, resolve, reject);
  });
}

/**
 * One request in flight: the connection's handlers, and its time limits on one timer (every
 * etcdctl command makes two trips; three timers each filled the clock with cancelled ones).
 * A limit's time is Infinity when it is not set or has passed.
 */
class Trip implements HttpClientHandlers {
  private done = false;
  private gotHead = false;
  private status = 0;
  private headers: Headers = [];
  /** The body so far (most replies come in one chunk). */
  private body = '';
  private readonly conn: HttpConnection;
  /** The header timeout, the caller's deadline and the dial timeout, as virtual times. */
  private headerAt = Infinity;
  private deadlineAt = Infinity;
  private dialAt = Infinity;
  private cancelTimer: (() => void) | undefined;
  private readonly offAbort: () => void;

  constructor(
    private readonly rt: Runtime,
    private readonly tls: boolean,
    private readonly to: Target,
    req: OutRequest,
    private readonly opts: TripOptions,
    private readonly resolve: (r: Reply | GoError) => void,
    private readonly reject: (e: unknown) => void,
  ) {
    const host = rt.proc.host;
    // The request as it is: the connection copies what it sends, and reads no body as none.
    this.conn = host.http(to, req, this);
    const now = host.now();
    const untilDeadline = opts.deadline === undefined ? Infinity : opts.deadline - now;
    if (opts.headerTimeoutMs > 0 && opts.headerTimeoutMs < untilDeadline) this.headerAt = now + opts.headerTimeoutMs;
    if (untilDeadline !== Infinity) this.deadlineAt = now + untilDeadline;
    if (DIAL_TIMEOUT_MS < untilDeadline) this.dialAt = now + DIAL_TIMEOUT_MS;
    this.armNext();
    this.offAbort = rt.proc.signal.onAbort((reason) => {
      this.conn.abort();
      this.finish(() => this.reject(this.rt.interrupted(reason)));
    });
  }

  onHead(status: number, headers: Headers): void {
    this.gotHead = true;
    this.status = status;
    this.headers = headers;
    if (this.tls) {
      // A TLS client reading a plain-HTTP answer: Go's crypto/tls wording.
      this.conn.abort();
      this.finish(() => this.resolve(new GoError('tls: oversized record received with length 20527')));
    }
  }

  onData(chunk: string): void {
    this.body += chunk;
  }

  onEnd(): void {
    this.finish(() => this.resolve({ status: this.status, headers: this.headers, body: this.body }));
  }

  onError(code: HttpErrorCode): void {
    this.finish(() => this.resolve(dialError(code, this.to.address, this.to.port)));
  }

  /** The member's process stopped: Go's transport reads EOF, or its body reader an unexpected one. */
  onServerClose(gotHead: boolean): void {
    this.finish(() => this.resolve(new GoError(gotHead ? 'unexpected EOF' : 'EOF')));
  }

  /** Times the earliest limit still ahead (on a tie: header, then deadline, then dial, as three timers set in that order would run). */
  private armNext(): void {
    const at = Math.min(this.headerAt, this.deadlineAt, this.dialAt);
    if (at === Infinity) return;
    const host = this.rt.proc.host;
    this.cancelTimer = host.setTimer(() => {
      this.cancelTimer = undefined;
      this.expired();
      if (!this.done) this.armNext();
    }, at - host.now());
  }

  /** The earliest limit has come: the deadline always fails the trip, the others only before a head. */
  private expired(): void {
    if (this.headerAt <= this.deadlineAt && this.headerAt <= this.dialAt) {
      this.headerAt = Infinity;
      if (!this.gotHead) this.fail(headerTimeoutError(this.opts.endpoint));
    } else if (this.deadlineAt <= this.dialAt) {
      this.deadlineAt = Infinity;
      this.fail(DeadlineExceeded);
    } else {
      this.dialAt = Infinity;
      if (!this.gotHead) this.fail(dialTimeoutError(this.to.address, this.to.port));
    }
  }

  private fail(err: GoError): void {
    this.conn.abort();
    this.finish(() => this.resolve(err));
  }

  private finish(settle: () => void): void {
    if (this.done) return;
    this.done = true;
    this.cancelTimer?.();
    // Unset only if the signal aborted between roundTrip's check and the subscription.
    this.offAbort?.();
    this.rt.proc.host.wake(settle);
  }
}
