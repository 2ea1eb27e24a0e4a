import type { Headers, HeadWrite, HttpClientHandlers, HttpErrorCode, HttpOutgoing } from '../../../sim/http.ts';
import type { Process, SignalName } from '../../process.ts';
import { isIpLiteral, type CurlUrl } from './url.ts';

/** Linux gives up connecting after the SYN retries (1+2+4+8+16+32+64 s). */
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;

export type Outcome =
  | { kind: 'done' }
  | { kind: 'error'; code: number; message: string }
  | { kind: 'signal'; reason: SignalName };

export interface ExchangeHooks {
  onHead(status: number, headers: Headers, how: HeadWrite): void;
  onData(chunk: string): void;
}

export interface Limits {
  /** Absolute virtual time when --max-time runs out. */
  deadline?: number;
  /** --connect-timeout in ms. */
  connectTimeout?: number;
}

/**
 * One request and its response over the simulated network, with curl's timeouts and error
 * wording. Resolves once the response ended, failed, timed out or the process was interrupted
 * (the connection is then closed, so a server watching for it sees the client go).
 */
export function exchange(
  proc: Process,
  url: CurlUrl,
  out: HttpOutgoing,
  hooks: ExchangeHooks,
  limits: Limits,
  progress: { received: number; size?: number },
): { outcome: Promise<Outcome>; abort(): void } {
  const host = proc.host;
  const start = host.now();
  let connected = false;
  let settled = false;
  let conn: { abort(): void } | undefined;
  const cancels: (() => void)[] = [];
  let resolveOutcome!: (o: Outcome) => void;
  const outcome = new Promise<Outcome>((r) => (resolveOutcome = r));
  const finish = (o: Outcome, abortConn: boolean) => {
    if (settled) return;
    settled = true;
    for (const c of cancels.splice(0)) c();
    if (abortConn) conn?.abort();
    host.wake(() => resolveOutcome(o));
  };
  const failConnect = (why: string) => ({ kind: 'error' as const, code: 7, message: `Failed to connect to ${url.host} port ${url.port}: ${why}` });
  const onError = (code: HttpErrorCode) => {
    if (code === 'ECONNREFUSED') return finish(failConnect('Connection refused'), false);
    if (code === 'ENOTFOUND' || (!isIpLiteral(url.host) && url.host !== 'localhost')) {
      return finish({ kind: 'error', code: 6, message: `Could not resolve host: ${url.host}` }, false);
    }
    return finish(failConnect('No route to host'), false);
  };

  // Before the response head arrives the connection counts as being set up.
  const connectLimit = Math.min(
    limits.connectTimeout ?? Infinity,
    limits.deadline !== undefined ? limits.deadline - start : Infinity,
  );
  const kernelFirst = KERNEL_CONNECT_TIMEOUT_MS <= connectLimit;
  const connectMs = kernelFirst ? KERNEL_CONNECT_TIMEOUT_MS : Math.max(0, connectLimit) + 1;
  cancels.push(
    host.setTimer(() => {
      if (connected) return;
      if (kernelFirst) finish(failConnect('Connection timed out'), true);
      else finish({ kind: 'error', code: 28, message: `Connection timed out after ${host.now() - start} milliseconds` }, true);
    }, connectMs),
  );
  if (limits.deadline !== undefined) {
    cancels.push(
      host.setTimer(() => {
        if (!connected) return;
        const got = progress.received;
        const msg = progress.size !== undefined ? `with ${got} out of ${progress.size} bytes received` : `with ${got} bytes received`;
        finish({ kind: 'error', code: 28, message: `Operation timed out after ${host.now() - start} milliseconds ${msg}` }, true);
      }, Math.max(0, limits.deadline - start) + 1),
    );
  }
  cancels.push(proc.signal.onAbort((reason) => finish({ kind: 'signal', reason }, true)));
  if (proc.signal.aborted) finish({ kind: 'signal', reason: proc.signal.reason ?? 'SIGINT' }, false);
  else {
    const handlers: HttpClientHandlers & { onConnect?(): void } = {
      // A stack that reports the TCP handshake lets curl tell a silent server from a cut link.
      onConnect: () => (connected = true),
      onHead: (status, headers, how) => {
        if (settled) return;
        connected = true;
        hooks.onHead(status, headers, how);
      },
      onData: (chunk) => {
        if (!settled) hooks.onData(chunk);
      },
      onEnd: () => finish({ kind: 'done' }, false),
      onError,
      // The server's process stopped: nothing came (52), or the body was cut short (18).
      onServerClose: (gotHead) => {
        if (!gotHead) return finish({ kind: 'error', code: 52, message: 'Empty reply from server' }, false);
        const left = progress.size !== undefined ? progress.size - progress.received : undefined;
        const message = left !== undefined ? `transfer closed with ${left} bytes remaining to read` : 'transfer closed with outstanding read data remaining';
        finish({ kind: 'error', code: 18, message }, false);
      },
    };
    conn = host.http({ address: url.host, port: url.port }, out, handlers);
  }
  return { outcome, abort: () => finish({ kind: 'done' }, true) };
}
