/** Everything that happens in the world, as typed events. The screen renders from these. */
export type TraceEvent =
  | { t: number; type: 'msg.send'; id: number; from: string; to: string; kind: string; payload: unknown; recvAt: number }
  | { t: number; type: 'msg.deliver'; id: number; from: string; to: string; kind: string }
  | { t: number; type: 'msg.drop'; id: number; from: string; to: string; kind: string; reason: DropReason }
  | { t: number; type: 'net.partition'; groups: string[][] }
  | { t: number; type: 'net.heal' }
  | { t: number; type: 'net.config'; loss: number; latencyMs: number; jitterMs: number }
  | { t: number; type: 'host.power'; host: string; state: string }
  | { t: number; type: 'raft.role'; host: string; member: string; role: string; term: number; leader?: string }
  | { t: number; type: 'raft.vote'; host: string; term: number; votedFor: string }
  | { t: number; type: 'raft.append'; host: string; from: number; to: number; term: number }
  | { t: number; type: 'raft.commit'; host: string; index: number }
  | { t: number; type: 'etcd.apply'; host: string; raftIndex: number; etcdIndex: number; action: string; key?: string }
  | { t: number; type: 'input'; input: WorldInput }
  | { t: number; type: 'log'; host: string; unit: string; text: string };

export type DropReason = 'loss' | 'partition' | 'down';

/** What a learner (or a test, or a lesson's solution) did. Seed + inputs = the run. */
export type WorldInput =
  | { kind: 'exec'; machine: string; line: string; pid: number }
  | { kind: 'signal'; machine: string; pid: number; signal: 'SIGINT' | 'timeout' }
  | { kind: 'kill'; machine: string }
  | { kind: 'boot'; machine: string }
  | { kind: 'partition'; groups: string[][] }
  | { kind: 'heal' }
  | { kind: 'net'; loss?: number; latencyMs?: number; jitterMs?: number }
  | { kind: 'writeFile'; machine: string; path: string; content: string }
  | { kind: 'addMachine'; machine: string; userData?: string }
  | { kind: 'destroyMachine'; machine: string }
  | { kind: 'recreate'; machines: number; userData: string };

type Listener = (e: TraceEvent) => void;

/**
 * The trace: a bounded buffer of recent events, subscribers, and (when asked for) a running
 * hash of every event, so two runs can be compared without keeping them whole.
 */
export class Trace {
  private buffer: TraceEvent[] = [];
  private listeners = new Set<Listener>();
  private hashing = false;
  private h1 = 0x811c9dc5;
  private h2 = 0x1b873593;
  count = 0;

  constructor(private capacity = 20_000) {}

  /** False when nobody would see an event: callers on hot paths may skip building it. */
  get active(): boolean {
    return this.capacity > 0 || this.hashing || this.listeners.size > 0;
  }

  emit(e: TraceEvent): void {
    this.count++;
    if (this.capacity > 0) {
      this.buffer.push(e);
      if (this.buffer.length > this.capacity * 1.5) this.buffer.splice(0, this.buffer.length - this.capacity);
    }
    if (this.hashing) this.mix(JSON.stringify(e));
    for (const l of this.listeners) l(e);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Recent events, oldest first. */
  recent(): readonly TraceEvent[] {
    return this.buffer;
  }

  enableHash(): void {
    this.hashing = true;
  }

  /** Hex digest of every event emitted since hashing was enabled. */
  digest(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0') + ':' + this.count;
  }

  private mix(s: string): void {
    let a = this.h1;
    let b = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    this.h1 = a;
    this.h2 = b;
  }
}
