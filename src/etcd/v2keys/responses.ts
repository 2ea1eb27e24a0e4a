import type { Headers, HttpResponseWriter } from '../../sim/http.ts';
import { EcodeRaftInternal, EtcdError } from '../keyspace/errors.ts';
import { eventJson, isCreated, type StoreEvent } from '../keyspace/event.ts';
import { goHttpError } from '../go-http-error.ts';
import { STORE_KEYS_PREFIX } from '../keyspace/namespaces.ts';

/** The raft position a response reports. */
export interface RaftPosition {
  raftIndex(): number;
  raftTerm(): number;
}

/**
 * `writeKeyEvent`: 201 for a create (or a set that created), else 200; keys shown without the
 * `/1` namespace; compact JSON + "\n". Written for HEAD too (etcd does not tell them apart):
 * Go's server sends the body's length and discards the body.
 */
export function writeKeyEvent(res: HttpResponseWriter, clusterId: string, ev: StoreEvent, rt: RaftPosition): void {
  res.writeHead(isCreated(ev) ? 201 : 200, keyHeaders(clusterId, ev.etcdIndex, rt));
  res.end(eventJson(ev, STORE_KEYS_PREFIX) + '\n');
}

/** The headers a watch flushes at once (X-Etcd-Index: the index when the watch began). */
export function watchHeaders(clusterId: string, startIndex: number, rt: RaftPosition): Headers {
  return keyHeaders(clusterId, startIndex, rt);
}

/** An event's or a watch's headers, in the order Go writes them (sorted by name). */
function keyHeaders(clusterId: string, etcdIndex: number, rt: RaftPosition): Headers {
  return [
    ['Content-Type', 'application/json'],
    ['X-Etcd-Cluster-Id', clusterId],
    ['X-Etcd-Index', String(etcdIndex)],
    ['X-Raft-Index', String(rt.raftIndex())],
    ['X-Raft-Term', String(rt.raftTerm())],
  ];
}

/** `trimErrorPrefix`: the cause loses the `/1` namespace (a copy; the original is untouched). */
export function trimErrorPrefix(e: EtcdError): EtcdError {
  const cause = e.cause.startsWith(STORE_KEYS_PREFIX) ? e.cause.slice(STORE_KEYS_PREFIX.length) : e.cause;
  return new EtcdError(e.errorCode, cause, e.index);
}

/** `Error.WriteTo`: Content-Type and X-Etcd-Index (no raft headers), the error's status, JSON + "\n" (for HEAD too). */
export function writeKeyError(res: HttpResponseWriter, clusterId: string, e: EtcdError): void {
  // Sorted by name, as Go writes them.
  res.writeHead(e.status, [
    ['Content-Type', 'application/json'],
    ['X-Etcd-Cluster-Id', clusterId],
    ['X-Etcd-Index', String(e.index)],
  ]);
  res.end(e.toJson() + '\n');
}

/** Why a proposal got no result (etcdserver's errors for a context deadline). */
export type ProposeFailure = 'timeout' | 'timeout-leader-fail' | 'timeout-connection-lost';

/**
 * etcd 2.3.7 answers a proposal that was not applied within the request timeout with
 * `writeKeyError(ErrTimeout...)`: not an etcd error, so it becomes 300 "Raft Internal Error"
 * with the Go error text as cause, index 0, HTTP 500. `parseProposeCtxErr` picks the text:
 * "possibly due to previous leader failure" when a leader was elected while the request
 * waited, "possibly due to connection lost" when the member lost touch with the leader (or,
 * as leader, with a quorum), the plain text otherwise (e.g. no leader at all).
 */
export function proposeFailureError(f: ProposeFailure): EtcdError {
  const cause =
    f === 'timeout-leader-fail'
      ? 'etcdserver: request timed out, possibly due to previous leader failure'
      : f === 'timeout-connection-lost'
        ? 'etcdserver: request timed out, possibly due to connection lost'
        : 'etcdserver: request timed out';
  return new EtcdError(EcodeRaftInternal, cause, 0);
}

/** `allowMethod`: 405 with Allow, then Go's http.Error. */
export function writeMethodNotAllowed(res: HttpResponseWriter, allowed: readonly string[]): void {
  goHttpError(res, 405, 'Method Not Allowed', [['Allow', allowed.join(',')]]);
}
