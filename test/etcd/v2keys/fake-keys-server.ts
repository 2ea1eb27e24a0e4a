import type { Headers, HttpRequest, HttpResponseWriter } from '../../../src/sim/http.ts';
import { newMemberStore } from '../../../src/etcd/keyspace/namespaces.ts';
import type { Store } from '../../../src/etcd/keyspace/store.ts';
import { applyRequest, type ApplyResult } from '../../../src/etcd/v2keys/apply.ts';
import type { KeysServer, ProposeFailure } from '../../../src/etcd/v2keys/handler.ts';
import { newRequest, type EtcdRequest } from '../../../src/etcd/v2keys/request.ts';

/**
 * A single-member "cluster" for handler tests: proposals are applied at once (or fail with
 * `failWith`). Like a fresh etcd 2.3.7 member it starts at etcd index 3 (member raftAttributes,
 * member attributes, cluster version), so the first user write gets index 4.
 */
export class FakeKeysServer implements KeysServer {
  readonly store: Store = newMemberStore();
  readonly clusterId = '7e27652122e8b2ae';
  clock = 0;
  term = 2;
  applied = 0;
  failWith: ProposeFailure | undefined;
  proposals: EtcdRequest[] = [];

  constructor() {
    const id = 'ce2a822cea30bfca';
    this.applyInternal({ Method: 'PUT', Path: `/0/members/${id}/raftAttributes`, Val: '{"peerURLs":["http://localhost:2380"]}', PrevExist: false });
    this.applyInternal({ Method: 'PUT', Path: `/0/members/${id}/attributes`, Val: '{"name":"default","clientURLs":["http://localhost:2379"]}' });
    this.applyInternal({ Method: 'PUT', Path: '/0/version', Val: '2.3.0' });
  }

  private applyInternal(r: Partial<EtcdRequest> & { Method: string; Path: string }): void {
    this.applied++;
    applyRequest(this.store, newRequest(r), this.clock);
  }

  raftIndex(): number {
    return this.applied;
  }
  raftTerm(): number {
    return this.term;
  }
  now(): number {
    return this.clock;
  }
  propose(req: EtcdRequest, done: (result: ApplyResult | ProposeFailure) => void): void {
    this.proposals.push(req);
    if (this.failWith) return done(this.failWith);
    this.applied++;
    done(applyRequest(this.store, req, this.clock));
  }
}

export class FakeResponse implements HttpResponseWriter {
  status = 0;
  headers: Headers = [];
  chunks: string[] = [];
  ended = false;
  headWrites = 0;
  /** How many body chunks had been written when the handler flushed (http.Flusher), if it did. */
  flushedAt: number | undefined;
  /** Written with writeRawHead (outside Go's response machinery). */
  raw = false;

  writeHead(status: number, headers: Headers): void {
    this.headWrites++;
    this.status = status;
    this.headers = headers;
  }
  write(chunk: string): void {
    if (!this.ended) this.chunks.push(chunk);
  }
  end(chunk?: string): void {
    if (this.ended) return;
    if (chunk) this.chunks.push(chunk);
    this.ended = true;
  }
  writeRawHead(status: number, headers: Headers = []): void {
    this.writeHead(status, headers);
    this.raw = true;
  }
  flush(): void {
    this.flushedAt ??= this.chunks.length;
  }
  get finished(): boolean {
    return this.ended;
  }
  get body(): string {
    return this.chunks.join('');
  }
  header(name: string): string | undefined {
    return this.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  }
}

export interface FakeRequest extends HttpRequest {
  /** Simulates the client going away (Ctrl-C on a watch). */
  close(): void;
}

/** `url` is the path and query as curl would send them, e.g. `/v2/keys/foo?wait=true`. */
export function request(method: string, url: string, body = '', contentType?: string): FakeRequest {
  const q = url.indexOf('?');
  const closers: (() => void)[] = [];
  const headers: Headers = contentType ? [['Content-Type', contentType]] : [];
  return {
    method,
    path: q >= 0 ? url.slice(0, q) : url,
    query: q >= 0 ? url.slice(q + 1) : '',
    headers,
    body,
    remoteHost: 'core-01',
    hostHeader: '127.0.0.1',
    onClose: (cb) => closers.push(cb),
    close: () => closers.forEach((cb) => cb()),
  };
}

export const FORM = 'application/x-www-form-urlencoded';
