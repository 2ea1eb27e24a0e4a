import type { Network, NetMessage } from './network.ts';
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

export interface HttpResponseWriter {
  writeHead(status: number, headers: Headers): void;
  write(chunk: string): void;
  end(chunk?: string): void;
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
  onHead?(status: number, headers: Headers): void;
  onData?(chunk: string): void;
  onEnd?(): void;
  onError?(code: HttpErrorCode): void;
  /** The server accepted the connection (its SYN-ACK arrived): a silent server, not a cut link. */
  onConnect?(): void;
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
 * HTTP over the simulated network: a request is one message; the response head, each body
 * chunk and the end are messages back. TCP-like: not subject to random loss, but cut by
 * partitions and by hosts going down (then nothing more arrives; clients time out themselves).
 */
export class HttpStack {
  private connSeq = 0;
  /** Client-side "connected" callbacks by `${clientHost}#${conn}`, fired when the server accepts. */
  private connectHooks = new Map<string, () => void>();

  constructor(
    private net: Network,
    private clock: WorldClock,
  ) {}

  /** Serves `handler` on a host's port until the host goes down or `close` is called. */
  listen(host: string, port: number, handler: HttpHandler): () => void {
    this.net.listen(host, port, this.portHandler(host, handler));
    return () => this.net.unlisten(host, port);
  }

  /**
   * The network-level handler that serves HTTP on a port, for a caller that shares the port
   * with other traffic (etcd's peer port carries raft messages and `GET /members`).
   */
  portHandler(host: string, handler: HttpHandler): (msg: NetMessage) => void {
    const closers = new Map<string, () => void>();
    return (msg: NetMessage) => {
      if (msg.kind === 'http.close') {
        const key = `${msg.from}#${(msg.payload as { conn: number }).conn}`;
        closers.get(key)?.();
        closers.delete(key);
        return;
      }
      if (msg.kind !== 'http.req') return;
      const p = msg.payload as ReqPayload;
      const client = msg.from;
      const key = `${client}#${p.conn}`;
      const hook = this.connectHooks.get(key);
      if (hook) {
        this.connectHooks.delete(key);
        this.clock.schedule(hook, msg.recvAt - msg.sentAt);
      }
      const closeCbs: (() => void)[] = [];
      let finished = false;
      closers.set(key, () => {
        if (finished) return;
        finished = true;
        for (const cb of closeCbs) cb();
      });
      let lastRecv = 0;
      const reply = (kind: string, payload: unknown) => {
        const m = this.net.send(host, client, p.clientPort, kind, payload, { notBefore: lastRecv });
        if (m) lastRecv = m.recvAt;
      };
      const res: HttpResponseWriter = {
        writeHead: (status, headers) => {
          if (!finished) reply('http.head', { conn: p.conn, status, headers });
        },
        write: (chunk) => {
          if (!finished && chunk) reply('http.data', { conn: p.conn, chunk });
        },
        end: (chunk) => {
          if (finished) return;
          if (chunk) reply('http.data', { conn: p.conn, chunk });
          finished = true;
          closers.delete(key);
          reply('http.end', { conn: p.conn });
        },
        get finished() {
          return finished;
        },
      };
      const req: HttpRequest = {
        method: p.method,
        path: p.path,
        query: p.query,
        headers: p.headers,
        body: p.body,
        remoteHost: client,
        hostHeader: p.hostHeader,
        onClose: (cb) => closeCbs.push(cb),
      };
      handler(req, res);
    };
  }

  /** Opens a connection from `fromHost` and sends one request. */
  request(fromHost: string, target: HttpTarget, out: HttpOutgoing, h: HttpClientHandlers): HttpConnection {
    const conn = ++this.connSeq;
    const clientPort = CLIENT_PORT_BASE + (conn % 28000);
    let done = false;
    const finish = () => {
      done = true;
      this.connectHooks.delete(`${fromHost}#${conn}`);
      this.net.unlisten(fromHost, clientPort);
    };
    const to = this.net.resolve(target.address, fromHost);
    if (to === undefined && !/^\d+\.\d+\.\d+\.\d+$/.test(target.address)) {
      // A name no resolver knows fails at once.
      const id = this.clock.schedule(() => {
        if (!done) {
          finish();
          h.onError?.('ENOTFOUND');
        }
      }, 0);
      return { abort: () => { this.clock.cancel(id); finish(); } };
    }
    if (to === undefined) {
      // Nobody answers ARP for this address.
      const id = this.clock.schedule(() => {
        if (!done) {
          finish();
          h.onError?.('EHOSTUNREACH');
        }
      }, NO_ROUTE_MS);
      return { abort: () => { this.clock.cancel(id); finish(); } };
    }
    this.net.listen(fromHost, clientPort, (msg) => {
      if (done) return;
      const pl = msg.payload as { conn: number; status?: number; headers?: Headers; chunk?: string };
      if (pl.conn !== conn) return;
      switch (msg.kind) {
        case 'http.head':
          h.onHead?.(pl.status!, pl.headers!);
          break;
        case 'http.data':
          h.onData?.(pl.chunk!);
          break;
        case 'http.end':
          finish();
          h.onEnd?.();
          break;
        case 'http.rst':
          finish();
          h.onError?.('ECONNREFUSED');
          break;
      }
    });
    if (h.onConnect) this.connectHooks.set(`${fromHost}#${conn}`, () => !done && h.onConnect?.());
    const payload: ReqPayload = {
      conn,
      clientPort,
      hostHeader: target.address,
      method: out.method,
      path: out.path,
      query: out.query ?? '',
      headers: out.headers ?? [],
      body: out.body ?? '',
    };
    let unreachableTimer: number | undefined;
    if (!this.net.isUp(to)) {
      unreachableTimer = this.clock.schedule(() => {
        if (!done) {
          finish();
          h.onError?.('EHOSTUNREACH');
        }
      }, NO_ROUTE_MS);
    } else {
      this.net.send(fromHost, to, target.port, 'http.req', payload, {
        // Up but nothing listening on the port: the kernel answers with a reset.
        onUndeliverable: () => this.net.send(to, fromHost, clientPort, 'http.rst', { conn }),
      });
    }
    return {
      abort: () => {
        if (done) return;
        finish();
        this.clock.cancel(unreachableTimer);
        this.net.send(fromHost, to, target.port, 'http.close', { conn });
      },
    };
  }
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
