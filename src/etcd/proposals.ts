import type { WorldClock } from '../sim/clock.ts';
import type { RaftNode } from './raft/node.ts';
import type { EtcdRequest } from './v2keys/request.ts';
import type { ApplyResult } from './v2keys/apply.ts';
import type { ProposeFailure } from './v2keys/responses.ts';

interface Pending {
  done: (r: ApplyResult | ProposeFailure) => void;
  timer: number;
}

/**
 * A member's proposals waiting for their entry to apply (etcdserver's `w.Register(id)`), each
 * with etcd's request timeout. Proposals made while no leader is known wait in a queue, as
 * etcd's raft node blocks them, and go out once a leader appears.
 */
export class Proposals {
  private pending = new Map<string, Pending>();
  /**
   * Requests waiting for a leader, in the order proposed (each carries its ID). A Set, not an
   * array: one map for every member's queue (an array's map changes with its first element,
   * and the hot `propose` was deoptimized by a queue whose first push came late).
   */
  private readonly queued = new Set<EtcdRequest>();
  private seq = 0;

  constructor(
    private clock: WorldClock,
    private timeoutMs: number,
    /** Which timeout text a proposal made at `start` gets (etcd's parseProposeCtxErr). */
    private cause: (start: number) => ProposeFailure = () => 'timeout',
  ) {}

  /** `req` becomes the raft entry's data, tagged with its ID: pass a request of your own. */
  propose(node: RaftNode, memberId: string, req: EtcdRequest, done: (r: ApplyResult | ProposeFailure) => void): void {
    const start = this.clock.now();
    const id = `${memberId}:${start}:${++this.seq}`;
    req.ID = id;
    const timer = this.clock.schedule(() => {
      this.pending.delete(id);
      this.queued.delete(req);
      done(this.cause(start));
    }, this.timeoutMs);
    this.pending.set(id, { done, timer });
    if (!node.propose(req)) this.queued.add(req);
  }

  /** A leader is known: the queued proposals go to raft. */
  flush(node: RaftNode): void {
    if (this.queued.size === 0) return;
    const q = [...this.queued];
    this.queued.clear();
    for (const req of q) if (this.pending.has(req.ID!) && !node.propose(req)) this.queued.add(req);
  }

  /** The entry with this request ID applied: its proposer hears the result. */
  applied(id: string, result: ApplyResult): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.clock.cancel(p.timer);
    p.done(result);
  }

  /** The process stopped: nobody waits any more (their clients time out on their own). */
  clear(): void {
    for (const p of this.pending.values()) this.clock.cancel(p.timer);
    this.pending.clear();
    this.queued.clear();
  }
}
