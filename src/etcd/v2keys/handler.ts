import type { Headers, HttpRequest, HttpResponseWriter } from '../../sim/http.ts';
import { EcodeRaftInternal, EtcdError } from '../keyspace/errors.ts';
import { eventJson, type StoreEvent } from '../keyspace/event.ts';
import { STORE_KEYS_PREFIX } from '../keyspace/namespaces.ts';
import type { Store } from '../keyspace/store.ts';
import type { Watcher } from '../keyspace/watcher-hub.ts';
import type { ApplyResult } from './apply.ts';
import { pathUnescape, GoFormError } from './go-form.ts';
import { parseKeyRequest, type EtcdRequest } from './request.ts';
import {
  proposeFailureError,
  trimErrorPrefix,
  watchHeaders,
  writeKeyError,
  writeKeyEvent,
  writeMethodNotAllowed,
  type ProposeFailure,
} from './responses.ts';

export type { ProposeFailure } from './responses.ts';

/** What the keys handler needs from the etcd member serving it. */
export interface KeysServer {
  /** This member's applied keyspace. */
  readonly store: Store;
  /** 16 hex digits. */
  readonly clusterId: string;
  raftIndex(): number;
  raftTerm(): number;
  /** Virtual ms. */
  now(): number;
  /**
   * Proposes through Raft; calls back once applied on this member, or with a ProposeFailure
   * ('timeout': etcd's request timeout passed with no leader / no quorum).
   */
  propose(req: EtcdRequest, done: (result: ApplyResult | ProposeFailure) => void): void;
}

export const KEYS_PREFIX = '/v2/keys';
const ALLOWED = ['HEAD', 'GET', 'PUT', 'POST', 'DELETE'] as const;

function headerValue(headers: Headers, name: string): string | undefined {
  const lower = name.toLowerCase();
  // Indexes, not `[k, v] of`: destructuring each pair ran the iterator protocol per header.
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (h[0] === name || h[0].toLowerCase() === lower) return h[1];
  }
  return undefined;
}

/**
 * etcd's keysHandler.ServeHTTP + EtcdServer.Do for `/v2/keys[/...]` (v2.3.7). `req.path` is the
 * raw (percent-encoded) path starting with `/v2/keys`. Plain GET and HEAD read the local
 * store at once; `wait=true` registers a watcher and flushes the headers immediately; PUT,
 * POST, DELETE and quorum GET go through `server.propose`.
 */
export function handleKeys(
  server: KeysServer,
  req: HttpRequest,
  res: HttpResponseWriter,
  /** `req.path` decoded, when the caller has it already (the router). */
  decodedPath?: string,
): void {
  if (!(ALLOWED as readonly string[]).includes(req.method)) return writeMethodNotAllowed(res, ALLOWED);
  const clusterId = server.clusterId;

  const decoded = decodedPath ?? pathUnescape(req.path);
  const urlPath = decoded instanceof GoFormError ? req.path : decoded;
  const rr = parseKeyRequest(
    req.method,
    urlPath.slice(KEYS_PREFIX.length),
    req.query,
    req.body,
    headerValue(req.headers, 'Content-Type'),
    server.now(),
  );
  if (rr instanceof EtcdError) return writeKeyError(res, clusterId, rr);

  // EtcdServer.Do: a quorum GET becomes QGET before anything else (even with wait=true).
  if (rr.Method === 'GET' && rr.Quorum) rr.Method = 'QGET';
  switch (rr.Method) {
    case 'POST':
    case 'PUT':
    case 'DELETE':
    case 'QGET':
      server.propose(rr, (result) => {
        if (res.finished) return;
        if (typeof result === 'string') return writeKeyError(res, clusterId, proposeFailureError(result));
        writeResult(server, res, clusterId, result);
      });
      return;
    case 'GET':
      if (rr.Wait) return handleWatch(server, req, res, clusterId, rr);
      return writeLocalGet(server, res, clusterId, rr);
    default: // HEAD
      return writeLocalGet(server, res, clusterId, rr);
  }
}

function writeLocalGet(server: KeysServer, res: HttpResponseWriter, clusterId: string, rr: EtcdRequest): void {
  const ev = server.store.get(rr.Path, rr.Recursive, rr.Sorted, server.now());
  if (ev instanceof EtcdError) return writeKeyError(res, clusterId, trimErrorPrefix(ev));
  writeKeyEvent(res, clusterId, ev, server);
}

function writeResult(server: KeysServer, res: HttpResponseWriter, clusterId: string, r: ApplyResult): void {
  if ('error' in r) return writeKeyError(res, clusterId, trimErrorPrefix(r.error));
  if ('event' in r) return writeKeyEvent(res, clusterId, r.event, server);
  if ('getResult' in r) return writeKeyEvent(res, clusterId, r.getResult, server);
  writeKeyError(res, clusterId, new EtcdError(EcodeRaftInternal, 'received response with no Event/Watcher!', 0));
}

/**
 * `handleKeyWatch`: 200 and the headers at once, then one event (or, with stream=true, every
 * event) as JSON + "\n". The watcher goes away when the client does. etcd 2.3 sets no
 * server-side watch timeout.
 */
function handleWatch(server: KeysServer, req: HttpRequest, res: HttpResponseWriter, clusterId: string, rr: EtcdRequest): void {
  let flushed = false;
  let over = false;
  let watcher: Watcher | undefined;
  const early: StoreEvent[] = [];
  const send = (ev: StoreEvent) => {
    if (over || res.finished) return;
    res.write(eventJson(ev, STORE_KEYS_PREFIX) + '\n');
    if (!rr.Stream) {
      over = true;
      watcher?.remove();
      res.end();
    }
  };
  const w = server.store.watch(rr.Path, rr.Recursive, rr.Stream, rr.Since, (ev) => {
    if (flushed) send(ev);
    else early.push(ev); // found in the history: arrives before the headers are out
  });
  if (w instanceof EtcdError) return writeKeyError(res, clusterId, trimErrorPrefix(w));
  watcher = w;
  res.writeHead(200, watchHeaders(clusterId, w.startIndex, server));
  // etcdhttp's handleKeyWatch: WriteHeader then Flush before reading the event channel.
  res.flush();
  flushed = true;
  req.onClose(() => {
    over = true;
    w.remove();
  });
  for (const ev of early) send(ev);
}
