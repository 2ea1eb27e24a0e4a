import type { WorldClock } from '../../sim/clock.ts';
import { BUFFER_BEFORE_CHUNKING, bodyAllowed, goWireHeaders } from '../../sim/go-wire.ts';
import type { Headers, HeadWrite, HttpResponseWriter } from '../../sim/http.ts';
import { wallMs } from '../../sim/time.ts';

/** Hop-by-hop headers a reverse proxy drops (proxy/reverse.go). */
export const SINGLE_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailers', 'transfer-encoding', 'upgrade']);

const byKey = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * etcd 2.3's proxy/reverse.go relaying a member's response: Go's client hands it the member's
 * wire headers (its Date and Content-Length too; Transfer-Encoding stripped), which it copies
 * into its own response, then `io.Copy`s the body without flushing. So the proxy's head goes
 * out sorted, when the member's body has ended or passed Go's 2048-byte buffer, with the
 * Content-Length (or chunking) the proxy's server adds when the member sent none.
 */
export class ResponseRelay {
  private head: { status: number; headers: Headers; how: HeadWrite } | undefined;
  private body = '';
  /** The member's head came with its body's end in the same instant: it had a Content-Length. */
  private memberComplete: boolean | undefined;
  private sent = false;

  constructor(
    private readonly res: HttpResponseWriter,
    private readonly method: string,
    private readonly clock: WorldClock,
  ) {}

  onHead(status: number, headers: Headers, how: HeadWrite): void {
    this.head = { status, headers, how };
    // What arrives with the head arrives in this instant; a later end means a streamed body.
    this.clock.schedule(() => (this.memberComplete ??= false), 0);
  }

  onData(chunk: string): void {
    // Go's client reads no body after HEAD (the simulated member sends one for its length).
    if (this.method === 'HEAD') return void (this.head && (this.body += chunk));
    if (this.sent) return this.res.write(chunk);
    this.body += chunk;
    if (this.memberComplete === false && new TextEncoder().encode(this.body).length > BUFFER_BEFORE_CHUNKING) this.send(false);
  }

  onEnd(): void {
    this.memberComplete ??= true;
    if (!this.sent) this.send(true);
    this.res.end();
  }

  private send(proxyDone: boolean): void {
    const h = this.head!;
    this.sent = true;
    const date = new Date(wallMs(this.clock.now())).toUTCString();
    const member = goWireHeaders({ status: h.status, headers: h.headers, method: this.method, body: this.body, complete: this.memberComplete === true && h.how !== 'flushed', date });
    const copied = member.filter(([k]) => !SINGLE_HOP.has(k.toLowerCase())).sort(byKey);
    // The proxy's own server: the member's Date stands; framing only if the member gave no length.
    if (bodyAllowed(h.status) && !copied.some(([k]) => k === 'Content-Length')) {
      // After HEAD the proxy copied no body: Go then sets no length (and never chunks).
      const size = this.method === 'HEAD' ? 0 : new TextEncoder().encode(this.body).length;
      if (proxyDone && (this.method !== 'HEAD' || size > 0) && size <= BUFFER_BEFORE_CHUNKING) copied.push(['Content-Length', String(size)]);
      else if (this.method !== 'HEAD') copied.push(['Transfer-Encoding', 'chunked']);
    }
    this.res.writeHead(h.status, copied);
    if (this.method !== 'HEAD' && this.body) this.res.write(this.body);
    this.body = '';
  }
}
