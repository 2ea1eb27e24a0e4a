import type { ProposeFailure } from './v2keys/responses.ts';

/** What `parseProposeCtxErr` looks at when a proposal's request timeout passes. */
export interface TimeoutContext {
  /** When the request was proposed (virtual ms). */
  start: number;
  /** When this member last saw a new leader (raftNode's `lt`); undefined: never. */
  leadElectedAt: number | undefined;
  electionMs: number;
  /** The leader this member knows now. */
  lead: string | undefined;
  self: string;
  /** IDs of the cluster's members, this one included. */
  members: readonly string[];
  /** rafthttp's `ActiveSince`: since when the link to a peer is up; undefined while it is down. */
  activeSince(id: string): number | undefined;
}

/**
 * etcd 2.3.7 `etcdserver/server.go` parseProposeCtxErr for a context deadline: "previous leader
 * failure" when the current leader was elected within 2 election timeouts after the request
 * started; else "connection lost" when the leader was not connected to a quorum since then (or a
 * follower not to its leader); else (no leader at all included) the plain "request timed out".
 */
export function proposeTimeoutCause(c: TimeoutContext): ProposeFailure {
  const elected = c.leadElectedAt;
  if (elected !== undefined && c.start > elected - 2 * c.electionMs && c.start < elected) return 'timeout-leader-fail';
  if (c.lead === undefined) return 'timeout';
  if (c.lead === c.self) {
    // isConnectedToQuorumSince: Go's integer (len(members)+1)/2, the member itself counted.
    let connected = 0;
    for (const m of c.members) if (m === c.self || connectedSince(c, m)) connected++;
    return connected >= Math.floor((c.members.length + 1) / 2) ? 'timeout' : 'timeout-connection-lost';
  }
  return connectedSince(c, c.lead) ? 'timeout' : 'timeout-connection-lost';
}

/** isConnectedSince: the link is up and came up before the request started. */
function connectedSince(c: TimeoutContext, id: string): boolean {
  const since = c.activeSince(id);
  return since !== undefined && since < c.start;
}
