import type { DropReason, TraceEvent } from '../../sim/trace.ts';

/** A message between two machines, from the trace: in flight, or just arrived / lost (afterglow). */
export interface Flight {
  id: number;
  from: string;
  to: string;
  kind: string;
  payload: unknown;
  sentAt: number;
  recvAt: number;
  outcome: 'flying' | 'delivered' | 'dropped';
  reason?: DropReason;
  /** Virtual time it arrived or was lost. */
  endAt?: number;
  /** Display clock (wall ms while playing) when it ended; afterglow fades against it. */
  endD?: number;
}

/** How long (display ms) an arrived message's trace and a lost one's cross stay visible. */
export const GLOW_DELIVERED_MS = 420;
export const GLOW_DROPPED_MS = 1100;
/** A message never resolved this long (virtual ms) after its receive time is forgotten. */
const STALE_MS = 10_000;

/**
 * Follows msg.send / msg.deliver / msg.drop. Only the newest ended message per (from, to, kind)
 * keeps an afterglow, so the number of shapes stays bounded at any speed.
 */
export class FlightTracker {
  /** Display clock: advanced by the frame loop while playing (and a little per step). */
  displayClock = 0;
  private flying = new Map<number, Flight>();
  private glow = new Map<string, Flight>();

  constructor(private hosts: ReadonlySet<string>) {}

  /** The machines now in the cluster; messages to or from one that is gone are forgotten. */
  setHosts(hosts: ReadonlySet<string>): void {
    this.hosts = hosts;
    for (const [id, f] of this.flying) if (!hosts.has(f.from) || !hosts.has(f.to)) this.flying.delete(id);
    for (const [k, f] of this.glow) if (!hosts.has(f.from) || !hosts.has(f.to)) this.glow.delete(k);
  }

  onEvent(e: TraceEvent): void {
    switch (e.type) {
      case 'msg.send':
        if (e.from === e.to || !this.hosts.has(e.from) || !this.hosts.has(e.to)) return;
        this.flying.set(e.id, {
          id: e.id,
          from: e.from,
          to: e.to,
          kind: e.kind,
          payload: e.payload,
          sentAt: e.t,
          recvAt: e.recvAt,
          outcome: 'flying',
        });
        return;
      case 'msg.deliver':
      case 'msg.drop': {
        const f = this.flying.get(e.id);
        if (!f) return;
        this.flying.delete(e.id);
        f.outcome = e.type === 'msg.deliver' ? 'delivered' : 'dropped';
        if (e.type === 'msg.drop') f.reason = e.reason;
        f.endAt = e.t;
        f.endD = this.displayClock;
        const key = `${f.from}>${f.to}>${f.kind}>${f.outcome}`;
        this.glow.delete(key);
        this.glow.set(key, f);
        return;
      }
    }
  }

  /** Messages to draw at virtual time `t`: those in flight, then the fading ones. */
  visible(t: number): Flight[] {
    const out: Flight[] = [];
    for (const f of this.flying.values()) {
      if (t - f.recvAt > STALE_MS) this.flying.delete(f.id);
      else out.push(f);
    }
    for (const [k, f] of this.glow) {
      if (this.glowLeft(f) <= 0) this.glow.delete(k);
      else out.push(f);
    }
    return out;
  }

  /** Remaining afterglow in [0, 1] (1 = just ended). */
  glowLeft(f: Flight): number {
    if (f.outcome === 'flying' || f.endD === undefined) return 1;
    const span = f.outcome === 'dropped' ? GLOW_DROPPED_MS : GLOW_DELIVERED_MS;
    return Math.max(0, 1 - (this.displayClock - f.endD) / span);
  }

  /** Position along the path in [0, 1] at virtual time `t`; lost messages stop half-way. */
  progress(f: Flight, t: number): number {
    if (f.outcome === 'dropped') return f.reason === 'down' ? 1 : 0.5;
    if (f.outcome === 'delivered') return 1;
    const span = f.recvAt - f.sentAt;
    return span <= 0 ? 1 : Math.min(1, Math.max(0, (t - f.sentAt) / span));
  }

  get(id: number): Flight | undefined {
    return this.flying.get(id) ?? [...this.glow.values()].find((f) => f.id === id);
  }

  clear(): void {
    this.flying.clear();
    this.glow.clear();
  }
}
