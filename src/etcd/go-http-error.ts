import type { Headers, HttpResponseWriter } from '../sim/http.ts';

/**
 * Go's http.Error as etcd 2.3 was built with it (Go 1.6; server.go): text/plain, nosniff, the
 * message and a newline. `extra` are headers set before the call (allowMethod's Allow).
 */
export function goHttpError(res: HttpResponseWriter, status: number, msg: string, extra: Headers = []): void {
  res.writeHead(status, [...extra, ['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']]);
  res.end(msg + '\n');
}

/** A `%` not followed by two hex digits: url.ParseRequestURI's "invalid URL escape" in a path. */
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * Go's conn.serve (server.go): a request whose URI readRequest cannot parse (a bad escape in
 * the path; the query is not checked there) is answered before any handler with the bare
 * `HTTP/1.1 400 Bad Request\r\n\r\n`, and the connection closes. True when it answered.
 */
export function refuseUnparsableRequest(path: string, res: HttpResponseWriter): boolean {
  if (!path.includes('%') || !BAD_ESCAPE.test(path)) return false;
  res.writeRawHead(400);
  res.end();
  return true;
}
