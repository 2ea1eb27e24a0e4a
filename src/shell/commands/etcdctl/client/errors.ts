import type { HttpErrorCode } from '../../../../sim/http.ts';

/**
 * Go errors as etcd's client (client/client.go, client/keys.go @v2.3.7) and net/http produce them.
 * `connection` mirrors etcdctl's isConnectionError (dial/read errors, timeouts, ECONNREFUSED),
 * which decides exit code 2 when the initial sync fails.
 */
export class GoError {
  constructor(
    readonly message: string,
    readonly connection = false,
  ) {}

  toString(): string {
    return this.message;
  }
}

/** client.ClusterError: every endpoint failed. */
export class ClusterError extends GoError {
  constructor(readonly errors: GoError[]) {
    super('client: etcd cluster is unavailable or misconfigured', errors.every((e) => e.connection));
  }

  /** "error #0: ...\n" per endpoint, as ClusterError.Detail(). */
  detail(): string {
    return this.errors.map((e, i) => `error #${i}: ${e.message}\n`).join('');
  }
}

/** client.Error: an etcd error body, printed "100: Key not found (/foo) [5]". */
export class EtcdError extends GoError {
  constructor(
    readonly code: number,
    readonly etcdMessage: string,
    readonly cause: string,
    readonly index: number,
  ) {
    super(`${code}: ${etcdMessage} (${cause}) [${index}]`);
  }
}

export const DeadlineExceeded = new GoError('context deadline exceeded');
export const ErrNoEndpoints = new GoError('client: no endpoints available');
export const ErrEmptyBody = new GoError('client: response body is empty');
export const ErrInvalidJSON = new GoError('client: response is invalid json. The endpoint is probably not valid etcd cluster endpoint.');

/** The resolver a coreos-vagrant VM uses (VirtualBox NAT), as Go's pure resolver names it. */
const NAMESERVER = '10.0.2.3:53';

/** Go's remote address in dial errors: the IP as dialled; `localhost` resolves to 127.0.0.1. */
export function dialAddr(hostname: string, port: number): string {
  const ip = hostname === 'localhost' ? '127.0.0.1' : hostname;
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/**
 * The *net.OpError text for a failed dial, in Go 1.6 wording (what etcdctl 2.3.7 was built with):
 * `dial tcp 127.0.0.1:2379: getsockopt: connection refused`.
 */
export function dialError(code: HttpErrorCode, hostname: string, port: number): GoError {
  switch (code) {
    case 'ECONNREFUSED':
      return new GoError(`dial tcp ${dialAddr(hostname, port)}: getsockopt: connection refused`, true);
    case 'EHOSTUNREACH':
      return new GoError(`dial tcp ${dialAddr(hostname, port)}: getsockopt: no route to host`, true);
    case 'ENOTFOUND':
      return new GoError(`dial tcp: lookup ${hostname} on ${NAMESERVER}: no such host`, true);
  }
}

/** net.Dialer's 30 s timeout (etcdctl's defaultDialTimeout) ran out: a net.Error with Timeout(). */
export function dialTimeoutError(hostname: string, port: number): GoError {
  return new GoError(`dial tcp ${dialAddr(hostname, port)}: i/o timeout`, true);
}

export function headerTimeoutError(endpoint: string): GoError {
  return new GoError(`client: endpoint ${endpoint} exceeded header timeout`);
}
