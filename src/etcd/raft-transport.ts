import type { World } from '../sim/world.ts';
import type { RaftMessage } from './raft/types.ts';
import type { Membership } from './membership.ts';
import { urlHost } from './config.ts';
import { FollowerStats, type SelfStats } from './stats.ts';

/** Host and port of a peer URL, parsed once per URL (every raft message asks). */
const peerAddrs = new Map<string, { host: string; port: number }>();

function peerAddrOf(url: string): { host: string; port: number } {
  let addr = peerAddrs.get(url);
  if (addr === undefined) peerAddrs.set(url, (addr = urlHost(url)));
  return addr;
}

export interface RaftRoute {
  url: string;
  host: string;
  port: number;
  /** Network.addressesVersion when resolved. */
  addresses: number;
}

/** A peer and where its raft messages go (undefined: it has no peer URL that resolves). */
export interface PeerAddr {
  id: string;
  addr: { host: string; port: number } | undefined;
}

/** Raft messages may be lost on the wire (one options object for every send). */
const RAFT_SEND = { unreliable: true, onUndeliverable: undefined, notBefore: undefined } as const;

/**
 * A member's rafthttp: raft messages to the host behind each peer's first peer URL, and the
 * stats the sending and receiving feed (`/v2/stats/self` and `/v2/stats/leader`).
 */
export class RaftTransport {
  /** The leader's view of each follower: answer latencies to its appends and heartbeats. */
  readonly followerStats = new Map<string, FollowerStats>();
  private sentAt = new Map<string, number>();
  private routes = new Map<string, RaftRoute>();

  constructor(
    private readonly world: World,
    private readonly hostName: string,
    private readonly membership: () => Membership,
    private readonly selfStats: () => SelfStats | undefined,
  ) {}

  send(to: string, msg: RaftMessage): void {
    const route = this.routeTo(to);
    if (!route) return;
    if (msg.type === 'MsgApp' || msg.type === 'MsgHeartbeat') {
      this.selfStats()?.sendAppend(this.world.now());
      this.sentAt.set(to, this.world.now());
    }
    this.world.net.send(this.hostName, route.host, route.port, msg.type, msg, RAFT_SEND);
  }

  /** Counts what arrived; the caller steps the message. */
  received(msg: RaftMessage): void {
    if (msg.type === 'MsgApp' || msg.type === 'MsgHeartbeat') this.selfStats()?.recvAppend(this.world.now());
    if (msg.type === 'MsgAppResp' || msg.type === 'MsgHeartbeatResp') {
      const sent = this.sentAt.get(msg.from);
      let fs = this.followerStats.get(msg.from);
      if (!fs) this.followerStats.set(msg.from, (fs = new FollowerStats()));
      if (sent !== undefined) fs.succeed(this.world.now() - sent);
    }
  }

  /** The host a member is on (its first peer URL resolved), if any. */
  hostOf(id: string): string | undefined {
    return this.routeTo(id)?.host;
  }

  /**
   * Where a member's raft messages go, and so which host it is: its first peer URL resolved. Kept
   * per member while the URL and the network's address table stay the same (a name that is not an
   * address is resolved every time: what answers to it can change).
   */
  routeTo(to: string): RaftRoute | undefined {
    const url = this.membership().members.get(to)?.peerURLs[0];
    if (!url) return undefined;
    const net = this.world.net;
    const known = this.routes.get(to);
    if (known !== undefined && known.url === url && known.addresses === net.addressesVersion) return known;
    const addr = peerAddrOf(url);
    const host = net.resolve(addr.host, this.hostName);
    if (!host) return undefined;
    const route = { url, host, port: addr.port, addresses: net.addressesVersion };
    if (net.isAddress(addr.host)) this.routes.set(to, route);
    return route;
  }

  /** Every other member's raft address, for the link status (one array, refilled: asked twice a second). */
  peerAddrs(self: string): readonly PeerAddr[] {
    const out = this.peerList;
    let n = 0;
    for (const id of this.membership().members.keys()) {
      if (id === self) continue;
      const slot = (out[n++] ??= { id, addr: undefined });
      slot.id = id;
      slot.addr = this.routeTo(id);
    }
    out.length = n;
    return out;
  }

  private readonly peerList: PeerAddr[] = [];

  /** A leader no more: its followers' stats go. */
  clearFollowerStats(): void {
    this.followerStats.clear();
  }

  /** The process stopped: nothing of this survives it. */
  clear(): void {
    this.followerStats.clear();
    this.sentAt.clear();
    this.routes.clear();
  }
}
