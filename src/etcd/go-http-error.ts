import type { Headers, HttpResponseWriter } from '../sim/http.ts';

/**
 * Go's http.Error as etcd 2.3 was built with it (Go 1.6; server.go): text/plain, nosniff, the
 * message and a newline. `extra` are headers set before the call (allowMethod's Allow).
 */
export function goHttpError(res: HttpResponseWriter, status: number, msg: string, extra: Headers = []): void {
  res.writeHead(status, [...extra, ['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']]);
  res.end(msg + '\n');
}
