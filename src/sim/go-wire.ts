import type { Headers } from './http.ts';

/**
 * What Go's net/http server puts on the wire for a response head (server.go, chunkWriter.
 * writeHeader): the handler's headers sorted by key, then Date, then Content-Length when the
 * handler finished before flushing, a sniffed Content-Type when none was set, and
 * `Transfer-Encoding: chunked` for a streamed body. The simulated servers give only the
 * handler's headers; curl prints the wire, and the etcd proxy reads it as Go's client did.
 */
export interface WireInput {
  status: number;
  headers: Headers;
  method: string;
  /** The whole body when the response ended with its head (Content-Length known), else the first chunk seen. */
  body: string;
  complete: boolean;
  /** RFC 1123 date, e.g. `Wed, 01 Jun 2016 09:00:05 GMT`. */
  date: string;
}

/**
 * server.go's bufferBeforeChunkingSize: a body bigger than this reaches chunkWriter.writeHeader
 * before the handler returns, so its length is unknown there (etcd writes its JSON in one call).
 */
export const BUFFER_BEFORE_CHUNKING = 2048;

const has = (h: Headers, name: string) => h.some(([k]) => k.toLowerCase() === name.toLowerCase());

export function bodyAllowed(status: number): boolean {
  return !((status >= 100 && status <= 199) || status === 204 || status === 304);
}

/** http.DetectContentType for the texts our servers send. */
export function sniff(body: string): string {
  const t = body.replace(/^[\t\n\x0c\r ]+/, '').toLowerCase();
  const html = ['<!doctype html', '<html', '<head', '<script', '<iframe', '<h1', '<div', '<font', '<table', '<a', '<style', '<title', '<b', '<body', '<br', '<p', '<!--'];
  for (const tag of html) {
    if (t.startsWith(tag) && (t.length === tag.length || t[tag.length] === ' ' || t[tag.length] === '>')) return 'text/html; charset=utf-8';
  }
  if (t.startsWith('<?xml')) return 'text/xml; charset=utf-8';
  if (t.startsWith('%pdf-')) return 'application/pdf';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/.test(body.slice(0, 512))) return 'application/octet-stream';
  return 'text/plain; charset=utf-8';
}

export function goWireHeaders(w: WireInput): Headers {
  // A server that sets its own Date is not Go's: take its headers as they come.
  if (has(w.headers, 'Date')) return w.headers;
  const sorted = w.headers
    .map((h, i) => [h, i] as const)
    .sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]))
    .map(([h]) => h);
  const out: Headers = [...sorted, ['Date', w.date]];
  const isHead = w.method === 'HEAD';
  const hasTE = has(w.headers, 'Transfer-Encoding');
  const hasCL = has(w.headers, 'Content-Length');
  const size = new TextEncoder().encode(w.body).length;
  const lengthKnown = w.complete && size <= BUFFER_BEFORE_CHUNKING;
  if (lengthKnown && !hasTE && bodyAllowed(w.status) && !hasCL && (!isHead || size > 0)) out.push(['Content-Length', String(size)]);
  if (bodyAllowed(w.status) && !has(w.headers, 'Content-Type') && !hasTE) out.push(['Content-Type', sniff(w.body)]);
  const clSet = hasCL || out.some(([k]) => k === 'Content-Length');
  if (!isHead && bodyAllowed(w.status) && !clSet && !hasTE) out.push(['Transfer-Encoding', 'chunked']);
  return out;
}

/** Go's status line: `HTTP/1.1 200 OK` (unknown codes get `status code N`). */
export function statusLine(status: number, text: string | undefined): string {
  return `HTTP/1.1 ${status} ${text ?? `status code ${status}`}`;
}

/** Go's net/http status texts for the codes the simulated servers use. */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  307: 'Temporary Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
