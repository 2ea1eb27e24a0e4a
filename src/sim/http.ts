import type { Network, NetMessage, SendOptions } from './network.ts';
import type { WorldClock } from './clock.ts';

/** Header list in the order they are sent (Go writes them sorted by name; callers decide). */
export type Headers = [string, string][];

export interface HttpRequest {
  method: string;
  /** Path without the query string, still percent-encoded, e.g. `/v2/keys/foo`. */
  path: string;
  /** Raw query string without `?`. */
  query: string;
  headers: Headers;
  body: string;
  /** Host the request came from. */
  remoteHost: string;
  /** Address the client dialled (as typed: 127.0.0.1, 172.17.8.101, a name). */
  hostHeader: string;
  /** Fires when the client goes away before the response ended (Ctrl-C on a watch). */
  onClose(cb: () => void): void;
}

/**
 * How a response head was written: by the handler through its HTTP library ('buffered'), the
 * same but flushed before the handler was done ('flushed': Go then chunks the body), or as
 * bytes the server wrote on the connection itself ('raw': exactly these headers, no more).
 */
export type HeadWrite = 'buffered' | 'flushed' | 'raw';

export interface HttpResponseWriter {
  writeHead(status: number, headers: Headers): void;
  /**
   * A head outside the HTTP library's response machinery, e.g. Go's conn.serve answering a
   * request line it could not parse with `HTTP/1.1 400 Bad Request\r\n\r\n`.
   */
  writeRawHead(status: number, headers?: Headers): void;
  write(chunk: string): void;
  end(chunk?: string): void;
  /**
   * Go's http.Flusher: what was written goes out now, with the handler not done. A head sent
   * this way reaches Go's chunkWriter before the body's length is known: the body is chunked.
   */
  flush(): void;
  readonly finished: boolean;
}

export type HttpHandler = (req: HttpRequest, res: HttpResponseWriter) => void;

export interface HttpTarget {
  /** IP address or host name as typed by the user. */
  address: string;
  port: number;
}

export interface HttpOutgoing {
  method: string;
  path: string;
  query?: string;
  headers?: Headers;
  body?: string;
}

/** How a connection can fail before a response arrives. Clients print their own wording. */
export type HttpErrorCode = 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ENOTFOUND';

export interface HttpClientHandlers {
  onHead?(status: number, headers: Headers, how: HeadWrite): void;
  onData?(chunk: string): void;
  onEnd?(): void;
  onError?(code: HttpErrorCode): void;
  /** The server accepted the connection (its SYN-ACK arrived): a silent server, not a cut link. */
  onConnect?(): void;
  /**
   * The server closed the connection before the response ended: its process stopped (the
   * kernel closes a dead process's sockets). `gotHead`: whether the response head had arrived.
   */
  onServerClose?(gotHead: boolean): void;
}

export interface HttpConnection {
  abort(): void;
}

/** Linux gives up ARP for an address nobody answers after about 3 s: "No route to host". */
const NO_ROUTE_MS = 3000;
const CLIENT_PORT_BASE = 32768;

interface ReqPayload {
  conn: number;
  clientPort: number;
  hostHeader: string;
  method: string;
  path: string;
  query: string;
  headers: Headers;
  body: string;
}

/**
 * One message of a response: what the server wrote at one instant (the head, body, end, or any
 * of them together, as one TCP segment would carry a small answer). Kinds: `http.head`,
 * `http.data`, `http.end` for one part alone, `http.resp` for a head or body with more.
 */
interface ResponseSegment {
  conn: number;
  status?: number;
  headers?: Headers;
  chunk?: string;
  end?: boolean;
  /** Unset: 'buffered'. */
  how?: 'flushed' | 'raw';
}

/**
 * HTTP over the simulated network: a request is one message; what the server writes at one
 * instant (head, body chunks, end) is one message back. TCP-like: not subject to random loss,
 * but cut by partitions and by hosts going down (then nothing more arrives; clients time out
 * themselves).
 */
export class HttpStack {
  private connSeq = 0;
  /** Client-side "connected" callbacks by connection number, fired when the server accepts. */
  private connectHooks = new Map<number, () => void>();

  constructor(
    private net: Network,
    private clock: WorldClock,
  ) {}

  /**
   * Serves `handler` on a host's port until the host goes down or the returned `close` is
   * called. Closing is the serving process stopping: the exchanges still open are closed from
   * the server's side, after what was written (a crashed host sends nothing: clients hang).
   */
  listen(host: string, port: number, handler: HttpHandler): () => void {
    const open: ServerExchange[] = [];
    this.net.listen(host, port, this.serve(host, handler, open));
    return () => {
      this.net.unlisten(host, port);
      for (const ex of open.splice(0)) ex.closeFromServer();
    };
  }

  /**
   * The network-level handler that serves HTTP on a port, for a caller that shares the port
   * with other traffic (etcd's peer port carries raft messages and `GET /members`).
   */
  portHandler(host: string, handler: HttpHandler): (msg: NetMessage) => void {
    return this.serve(host, handler, []);
  }

  /**
   * `open`: the exchanges not ended yet, for the client's close and the server's. A list, not a
   * Map by connection number (a Map going from one entry to none reallocates its table, once
   * per request).
   */
  private serve(host: string, handler: HttpHandler, open: ServerExchange[]): (msg: NetMessage) => void {
    return (msg: NetMessage) => {
      if (msg.kind === 'http.close') {
        const conn = (msg.payload as { conn: number }).conn;
        const ex = open.find((x) => x.conn === conn);
        if (ex) {
          ex.close();
          removeExchange(open, ex);
        }
        return;
      }
      if (msg.kind !== 'http.req') return;
      const p = msg.payload as ReqPayload;
      const hook = this.connectHooks.get(p.conn);
      if (hook) {
        this.connectHooks.delete(p.conn);
        this.clock.schedule(hook, msg.recvAt - msg.sentAt);
      }
      const ex = new ServerExchange(this.net, this.clock, host, msg.from, p, open);
      open.push(ex);
      handler(ex.req, ex);
    };
  }

  /** Opens a connection from `fromHost` and sends one request. */
  request(fromHost: string, target: HttpTarget, out: HttpOutgoing, h: HttpClientHandlers): HttpConnection {
    const conn = ++this.connSeq;
    return new ClientConnection(this.net, this.clock, this.connectHooks, conn, fromHost, target, out, h);
  }
}

/** The client's side of one connection: what arrives on its port goes to the handlers. */
class ClientConnection implements HttpConnection {
  private done = false;
  private gotHead = false;
  private readonly clientPort: number;
  private to: string | undefined;
  private timer: number | undefined;

  constructor(
    private readonly net: Network,
    private readonly clock: WorldClock,
    private readonly connectHooks: Map<number, () => void>,
    private readonly conn: number,
    private readonly fromHost: string,
    private readonly target: HttpTarget,
    out: HttpOutgoing,
    private readonly h: HttpClientHandlers,
  ) {
    this.clientPort = CLIENT_PORT_BASE + (conn % 28000);
    const to = (this.to = net.resolve(target.address, fromHost));
    if (to === undefined) {
      // A name no resolver knows fails at once; nobody answers ARP for an unknown address.
      const named = !/^\d+\.\d+\.\d+\.\d+$/.test(target.address);
      this.timer = clock.schedule(() => this.fail(named ? 'ENOTFOUND' : 'EHOSTUNREACH'), named ? 0 : NO_ROUTE_MS);
      return;
    }
    net.listen(fromHost, this.clientPort, (msg) => this.receive(msg));
    if (h.onConnect) connectHooks.set(conn, () => !this.done && h.onConnect?.());
    if (!net.isUp(to)) {
      this.timer = clock.schedule(() => this.fail('EHOSTUNREACH'), NO_ROUTE_MS);
      return;
    }
    const payload: ReqPayload = {
      conn,
      clientPort: this.clientPort,
      hostHeader: target.address,
      method: out.method,
      path: out.path,
      query: out.query ?? '',
      headers: out.headers ?? [],
      body: out.body ?? '',
    };
    net.send(fromHost, to, target.port, 'http.req', payload, {
      unreliable: false,
      // Up but nothing listening on the port: the kernel answers with a reset.
      onUndeliverable: () => net.send(to, fromHost, this.clientPort, 'http.rst', { conn }),
      notBefore: undefined,
    });
  }

  abort(): void {
    if (this.done) return;
    this.finish();
    this.clock.cancel(this.timer);
    if (this.to !== undefined) this.net.send(this.fromHost, this.to, this.target.port, 'http.close', { conn: this.conn });
  }

  private receive(msg: NetMessage): void {
    if (this.done) return;
    if (msg.kind === 'http.rst') {
      if ((msg.payload as { conn: number }).conn !== this.conn) return;
      this.finish();
      this.h.onError?.('ECONNREFUSED');
      return;
    }
    if (msg.kind === 'http.fin') {
      if ((msg.payload as { conn: number }).conn !== this.conn) return;
      this.finish();
      this.h.onServerClose?.(this.gotHead);
      return;
    }
    const seg = msg.payload as ResponseSegment;
    if (seg.conn !== this.conn) return;
    const h = this.h;
    if (seg.status !== undefined) {
      this.gotHead = true;
      h.onHead?.(seg.status, seg.headers!, seg.how ?? 'buffered');
    }
    // A handler may have aborted the connection (a TLS client reading plain HTTP).
    if (this.done) return;
    if (seg.chunk !== undefined) h.onData?.(seg.chunk);
    if (seg.end && !this.done) {
      this.finish();
      h.onEnd?.();
    }
  }

  private fail(code: HttpErrorCode): void {
    if (this.done) return;
    this.finish();
    this.h.onError?.(code);
  }

  private finish(): void {
    this.done = true;
    this.connectHooks.delete(this.conn);
    if (this.to !== undefined) this.net.unlisten(this.fromHost, this.clientPort);
  }
}

/**
 * The server's side of one exchange: the response writer, and the request as the handler sees
 * it. Replies keep their order on the wire (TCP): none arrives before the previous one.
 */
class ServerExchange implements HttpResponseWriter {
  readonly req: HttpRequest;
  finished = false;
  /** When the previous reply arrives (its `notBefore`): one options object per exchange. */
  private readonly order: SendOptions = { unreliable: false, onUndeliverable: undefined, notBefore: 0 };
  private closeCbs: (() => void)[] | undefined;
  private pending: ResponseSegment | undefined;

  constructor(
    private readonly net: Network,
    private readonly clock: WorldClock,
    private readonly host: string,
    private readonly client: string,
    private readonly p: ReqPayload,
    private readonly open: ServerExchange[],
  ) {
    this.req = {
      method: p.method,
      path: p.path,
      query: p.query,
      headers: p.headers,
      body: p.body,
      remoteHost: client,
      hostHeader: p.hostHeader,
      onClose: (cb) => (this.closeCbs ??= []).push(cb),
    };
  }

  /** The connection number (unique within the stack). */
  get conn(): number {
    return this.p.conn;
  }

  /** The serving process went away: what it wrote goes out, then the connection closes (FIN). */
  closeFromServer(): void {
    if (this.finished) return;
    this.finished = true;
    this.sendPending();
    this.net.send(this.host, this.client, this.p.clientPort, 'http.fin', { conn: this.p.conn }, this.order);
    if (this.closeCbs) for (const cb of this.closeCbs) cb();
  }

  /** The client went away first. */
  close(): void {
    if (this.finished) return;
    this.finished = true;
    this.pending = undefined;
    if (this.closeCbs) for (const cb of this.closeCbs) cb();
  }

  writeHead(status: number, headers: Headers): void {
    if (this.finished) return;
    const seg = this.segment();
    seg.status = status;
    seg.headers = headers;
  }

  writeRawHead(status: number, headers: Headers = []): void {
    if (this.finished) return;
    const seg = this.segment();
    seg.status = status;
    seg.headers = headers;
    seg.how = 'raw';
  }

  write(chunk: string): void {
    if (this.finished || !chunk) return;
    const seg = this.segment();
    seg.chunk = seg.chunk === undefined ? chunk : seg.chunk + chunk;
  }

  end(chunk?: string): void {
    if (this.finished) return;
    if (chunk) this.write(chunk);
    this.segment().end = true;
    this.finished = true;
    removeExchange(this.open, this);
    this.sendPending();
  }

  flush(): void {
    if (this.finished || this.pending === undefined) return;
    if (this.pending.status !== undefined) this.pending.how ??= 'flushed';
    this.sendPending();
  }

  /** What this instant's writes add to: sent once the writer is done for now (or at `end`). */
  private segment(): ResponseSegment {
    if (this.pending === undefined) {
      this.pending = { conn: this.p.conn };
      this.clock.post(flushSegment, 0, this, undefined);
    }
    return this.pending;
  }

  /** Sends what was written since the last segment went out, as one message. */
  sendPending(): void {
    const seg = this.pending;
    if (seg === undefined) return;
    this.pending = undefined;
    const head = seg.status !== undefined;
    const data = seg.chunk !== undefined;
    const parts = Number(head) + Number(data) + Number(seg.end === true);
    const kind = parts > 1 ? 'http.resp' : head ? 'http.head' : data ? 'http.data' : 'http.end';
    const m = this.net.send(this.host, this.client, this.p.clientPort, kind, seg, this.order);
    if (m) this.order.notBefore = m.recvAt;
  }
}

/** Takes `ex` out of an open list (order does not matter: swapped with the last). */
function removeExchange(open: ServerExchange[], ex: ServerExchange): void {
  const i = open.indexOf(ex);
  if (i < 0) return;
  open[i] = open[open.length - 1]!;
  open.pop();
}

/** The deferred send of an exchange's segment: still at the instant it was written. */
function flushSegment(ex: ServerExchange): void {
  ex.sendPending();
}
