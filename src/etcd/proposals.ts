import type { WorldClock } from '../sim/clock.ts';
import type { RaftNode } from './raft/node.ts';
import type { EtcdRequest } from './v2keys/request.ts';
import type { ApplyResult } from './v2keys/apply.ts';

interface Pending {
  done: (r: ApplyResult | 'timeout') => void;
  timer: number;
}

/**
 * A member's proposals waiting for their entry to apply (etcdserver's `w.Register(id)`), each
 * with etcd's request timeout. Proposals made while no leader is known wait in a queue, as
 * etcd's raft node blocks them, and go out once a leader appears.
 */
export class Proposals {
  private pending = new Map<string, Pending>();
  /** Changed in place, never replaced: one array (and one array map) for the hot `propose`. */
  private readonly queued: { data: EtcdRequest; id: string }[] = [];
  private seq = 0;

  constructor(
    private clock: WorldClock,
    private timeoutMs: number,
  ) {}

  /** `req` becomes the raft entry's data, tagged with its ID: pass a request of your own. */
  propose(node: RaftNode, memberId: string, req: EtcdRequest, done: (r: ApplyResult | 'timeout') => void): void {
    const id = `${memberId}:${this.clock.now()}:${++this.seq}`;
    const data = req;
    data.ID = id;
    const timer = this.clock.schedule(() => {
      this.pending.delete(id);
      const i = this.queued.findIndex((q) => q.id === id);
      if (i >= 0) this.queued.splice(i, 1);
      done('timeout');
    }, this.timeoutMs);
    this.pending.set(id, { done, timer });
    if (!node.propose(data)) this.queued.push({ data, id });
  }

  /** A leader is known: the queued proposals go to raft. */
  flush(node: RaftNode): void {
    const q = this.queued.splice(0);
    for (const item of q) if (this.pending.has(item.id) && !node.propose(item.data)) this.queued.push(item);
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
    this.queued.length = 0;
  }
}
