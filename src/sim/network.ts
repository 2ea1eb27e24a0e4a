import type { WorldClock } from './clock.ts';
import type { Rng } from './rng.ts';
import type { DropReason, Trace } from './trace.ts';

/** A message in flight. Send and receive times let a view interpolate its position. */
export interface NetMessage {
  id: number;
  from: string;
  to: string;
  port: number;
  kind: string;
  payload: unknown;
  sentAt: number;
  recvAt: number;
}

/**
 * Hot callers give every field, in this order (undefined when unused): `send` then sees one
 * object shape, not one more shape per caller (each new one cost a deopt and a recompile).
 */
export interface SendOptions {
  unreliable?: boolean;
  onUndeliverable?: ((reason: DropReason) => void) | undefined;
  notBefore?: number | undefined;
}

const NO_OPTIONS: SendOptions = { unreliable: false, onUndeliverable: undefined, notBefore: undefined };

export type PortHandler = (msg: NetMessage) => void;

export interface LinkConfig {
  latencyMs: number;
  jitterMs: number;
  /** Probability that an unreliable (raft) message is lost. */
  loss: number;
}

/** Latency on loopback: the host talking to itself. */
const LOOPBACK_MS = 0.1;

/**
 * The simulated network between hosts. Endpoints are host names; hosts listen on ports.
 * A host that is down neither sends nor receives; hosts in different partition groups cannot
 * reach each other; unreliable messages may be lost at the configured rate.
 */
export class Network {
  config: LinkConfig = { latencyMs: 10, jitterMs: 3, loss: 0 };
  private linkOverrides = new Map<string, Partial<LinkConfig>>();
  private up = new Set<string>();
  private listeners = new Map<string, Map<number, PortHandler>>();
  private addresses = new Map<string, string>();
  private group = new Map<string, number>();
  private partitioned = false;
  private nextId = 1;
  /** Hosts on the internet (discovery.etcd.io): never cut off by partitions, with their own link. */
  private external = new Map<string, Partial<LinkConfig>>();

  constructor(
    private clock: WorldClock,
    private rng: Rng,
    private trace: Trace,
  ) {}

  /** Registers a host's IP address (e.g. 172.17.8.101 -> core-01). */
  addAddress(ip: string, host: string): void {
    this.addresses.set(ip, host);
    this.addressChanges++;
  }

  private addressChanges = 0;

  /** Changes whenever the address table does: what `resolve` gave for an address still holds until then. */
  get addressesVersion(): number {
    return this.addressChanges;
  }

  /** True when `address` is in the address table (not loopback, not a host name). */
  isAddress(address: string): boolean {
    return this.addresses.has(address);
  }

  /** Host name behind an address or name; undefined when nothing answers to it. */
  resolve(address: string, fromHost: string): string | undefined {
    if (address === '127.0.0.1' || address === 'localhost' || address === '0.0.0.0' || address === '::1') return fromHost;
    const host = this.addresses.get(address);
    if (host !== undefined) return host;
    if (this.listeners.has(address) || this.up.has(address)) return address;
    return undefined;
  }

  addressOf(host: string): string | undefined {
    for (const [ip, h] of this.addresses) if (h === host) return ip;
    return undefined;
  }

  setUp(host: string, isUp: boolean): void {
    if (isUp) this.up.add(host);
    else {
      this.up.delete(host);
      this.listeners.delete(host);
    }
  }

  isUp(host: string): boolean {
    return this.up.has(host);
  }

  listen(host: string, port: number, handler: PortHandler): void {
    let ports = this.listeners.get(host);
    if (!ports) this.listeners.set(host, (ports = new Map()));
    ports.set(port, handler);
  }

  unlisten(host: string, port: number): void {
    this.listeners.get(host)?.delete(port);
  }

  isListening(host: string, port: number): boolean {
    return this.up.has(host) && (this.listeners.get(host)?.has(port) ?? false);
  }

  /** Splits hosts into groups that cannot reach each other; hosts not named form one more group. */
  partition(groups: string[][]): void {
    this.group.clear();
    groups.forEach((g, i) => g.forEach((h) => this.group.set(h, i + 1)));
    this.partitioned = groups.length > 0;
    this.trace.emit({ t: this.clock.now(), type: 'net.partition', groups: groups.map((g) => [...g]) });
  }

  heal(): void {
    this.group.clear();
    this.partitioned = false;
    this.trace.emit({ t: this.clock.now(), type: 'net.heal' });
  }

  configure(c: Partial<LinkConfig>): void {
    this.config = { ...this.config, ...c };
    this.trace.emit({
      t: this.clock.now(),
      type: 'net.config',
      loss: this.config.loss,
      latencyMs: this.config.latencyMs,
      jitterMs: this.config.jitterMs,
    });
  }

  /** Overrides latency/loss on the link between two hosts (both directions). */
  configureLink(a: string, b: string, c: Partial<LinkConfig> | undefined): void {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (c) this.linkOverrides.set(key, c);
    else this.linkOverrides.delete(key);
  }

  /**
   * Declares a host outside the machines' LAN (a public service). Partitions between machines
   * never cut it off; its link has its own latency (the internet's).
   */
  addExternalHost(host: string, link: Partial<LinkConfig>): void {
    this.external.set(host, link);
  }

  canReach(a: string, b: string): boolean {
    if (a === b) return true;
    if (!this.partitioned) return true;
    if (this.external.size > 0 && (this.external.has(a) || this.external.has(b))) return true;
    return (this.group.get(a) ?? 0) === (this.group.get(b) ?? 0);
  }

  /**
   * Sends a message; it arrives after the link's latency unless the sender is down, the link
   * is cut, the message is lost (only when `unreliable`), or the receiver is down or not
   * listening on the port when it arrives. `onDrop` hears about a drop at the receiving end
   * (used by TCP-like callers to answer "connection refused").
   */
  send(
    from: string,
    to: string,
    port: number,
    kind: string,
    payload: unknown,
    opts: SendOptions = NO_OPTIONS,
  ): NetMessage | undefined {
    if (!this.up.has(from)) return undefined;
    const now = this.clock.now();
    const link = this.linkConfig(from, to);
    let latency =
      from === to ? LOOPBACK_MS : Math.max(0.5, link.latencyMs + (link.jitterMs > 0 ? (this.rng.float() * 2 - 1) * link.jitterMs : 0));
    // A stream (TCP) keeps its order: never arrive before the previous segment.
    if (opts.notBefore !== undefined && now + latency < opts.notBefore) latency = opts.notBefore - now;
    const msg: NetMessage = { id: this.nextId++, from, to, port, kind, payload, sentAt: now, recvAt: now + latency };
    if (this.trace.active) this.trace.emit({ t: now, type: 'msg.send', id: msg.id, from, to, kind, payload, recvAt: msg.recvAt });
    // The host comparison last: it compares characters, and most links lose nothing.
    if (opts.unreliable && link.loss > 0 && from !== to && this.rng.chance(link.loss)) {
      // Lost on the wire: shown half-way along the link.
      this.clock.post(this.dropLost, latency / 2, msg, undefined);
      return msg;
    }
    this.clock.post(this.deliver, latency, msg, opts.onUndeliverable);
    return msg;
  }

  private dropLost = (msg: NetMessage): void => this.drop(msg, 'loss');

  private deliver = (msg: NetMessage, onUndeliverable: ((reason: DropReason) => void) | undefined): void => {
    if (this.partitioned && !this.canReach(msg.from, msg.to)) return this.drop(msg, 'partition');
    const handler = this.up.has(msg.to) ? this.listeners.get(msg.to)?.get(msg.port) : undefined;
    if (!handler) {
      this.drop(msg, 'down');
      if (this.up.has(msg.to)) onUndeliverable?.('down');
      return;
    }
    if (this.trace.active) this.trace.emit({ t: this.clock.now(), type: 'msg.deliver', id: msg.id, from: msg.from, to: msg.to, kind: msg.kind });
    handler(msg);
  };

  private drop(msg: NetMessage, reason: DropReason): void {
    if (this.trace.active) this.trace.emit({ t: this.clock.now(), type: 'msg.drop', id: msg.id, from: msg.from, to: msg.to, kind: msg.kind, reason });
  }

  private linkConfig(a: string, b: string): LinkConfig {
    if (this.external.size > 0) {
      const ext = this.external.get(a) ?? this.external.get(b);
      if (ext) return { ...this.config, ...ext };
    }
    if (this.linkOverrides.size === 0) return this.config;
    const o = this.linkOverrides.get(a < b ? `${a}|${b}` : `${b}|${a}`);
    return o ? { ...this.config, ...o } : this.config;
  }
}
