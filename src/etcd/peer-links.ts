import type { WorldClock } from '../sim/clock.ts';
import type { Network } from '../sim/network.ts';

/** rafthttp's read timeout on a peer stream (`ConnReadTimeout`): a silent link dies after it. */
const CONN_READ_TIMEOUT_MS = 5000;
/** How often the links are looked at; rafthttp redials a broken stream every 100 ms. */
const POLL_MS = 500;

/**
 * rafthttp's peer status (`peer_status.go` activate/deactivate, `Transport.ActiveSince`) as one
 * member sees its peers. Real streams stay open between every pair (link heartbeats keep an idle
 * one alive), so the link's state follows the network, not the raft traffic: a peer whose etcd
 * stopped (EOF, connection refused) is down at once; one cut off or crashed (no answer at all)
 * only once the read timeout passes; a reachable one comes up at the next redial. Looked at
 * every POLL_MS, so a change is seen up to that late.
 */
export class PeerLinks {
  /** Active peers -> since when. */
  private readonly since = new Map<string, number>();
  /** Active peers gone silent -> since when (the read timeout runs). */
  private readonly silent = new Map<string, number>();
  private timer: number | undefined;

  constructor(
    private readonly clock: WorldClock,
    private readonly net: Network,
    private readonly selfHost: string,
    /** The member's peers now, with their host and peer port (undefined: no peer URL). */
    private readonly peers: () => readonly { id: string; addr: { host: string; port: number } | undefined }[],
  ) {}

  start(): void {
    this.poll();
  }

  stop(): void {
    this.clock.cancel(this.timer);
    this.timer = undefined;
    this.since.clear();
    this.silent.clear();
  }

  /** `ActiveSince`: when the link to `id` came up; undefined while it is down. */
  activeSince(id: string): number | undefined {
    return this.since.get(id);
  }

  private poll = (): void => {
    const now = this.clock.now();
    const net = this.net;
    const peers = this.peers();
    for (let i = 0; i < peers.length; i++) {
      const { id, addr } = peers[i]!;
      const answers = addr !== undefined && net.isUp(addr.host) && net.canReach(this.selfHost, addr.host);
      if (answers && net.isListening(addr.host, addr.port)) {
        if (!this.since.has(id)) this.since.set(id, now);
        this.silent.delete(id);
      } else if (answers || addr === undefined) {
        // The host answers but nothing listens: the stream ends (EOF) and redials are refused.
        this.since.delete(id);
        this.silent.delete(id);
      } else if (this.since.has(id)) {
        const from = this.silent.get(id);
        if (from === undefined) this.silent.set(id, now);
        else if (now - from >= CONN_READ_TIMEOUT_MS) {
          this.since.delete(id);
          this.silent.delete(id);
        }
      }
    }
    this.timer = this.clock.schedule(this.poll, POLL_MS);
  };
}
