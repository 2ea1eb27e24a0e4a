import type { ClusterSnapshot, DiscoveryView, MachineSnapshot } from '../snapshot.ts';
import type { TraceEvent, WorldInput } from '../sim/trace.ts';
import type { Store } from '../etcd/keyspace/store.ts';
import type { StoreEvent } from '../etcd/keyspace/event.ts';
import type { KNode } from '../etcd/keyspace/node.ts';
import type { CommandRecord, InputHistory } from './history.ts';

/**
 * What the engine reads the world through: the SimCluster (screen and headless alike). Only
 * reads; nothing here may change the world (a check runs every frame).
 */
export interface LessonWorld {
  machines(): string[];
  now(): number;
  snapshot(): ClusterSnapshot;
  readFile(machine: string, path: string): string | undefined;
  subscribe(listener: (e: TraceEvent) => void): () => void;
  etcd(name: string): { readonly diskRef: { etcd?: { store: Store } } };
}

/** A key or directory of the etcd keyspace, as a check sees it. */
export interface KeyView {
  key: string;
  dir: boolean;
  value: string;
  /** Names of the children (directories only), sorted. */
  children: string[];
  createdIndex: number;
  modifiedIndex: number;
  /** Virtual ms when it expires; undefined when permanent. */
  expireTime: number | undefined;
}

/** The user keyspace lives under `/1` in a member's store (etcd's StoreKeysPrefix). */
const KEYS_PREFIX = '/1';
/** etcd keeps the last 1000 events. */
const HISTORY = 1000;

/** The cluster's state as a lesson's `check(state)` reads it. */
export class LessonState {
  readonly snapshot: ClusterSnapshot;

  constructor(
    private world: LessonWorld,
    private history: InputHistory,
  ) {
    this.snapshot = world.snapshot();
  }

  get now(): number {
    return this.snapshot.now;
  }

  get machines(): string[] {
    return this.snapshot.machines.map((m) => m.name);
  }

  machine(name: string): MachineSnapshot | undefined {
    return this.snapshot.machines.find((m) => m.name === name);
  }

  running(name: string): boolean {
    return this.machine(name)?.power === 'running';
  }

  /** The machine whose etcd member leads (the one with the highest term if two claim it). */
  leader(): string | undefined {
    let best: MachineSnapshot | undefined;
    for (const m of this.snapshot.machines) {
      if (m.power !== 'running' || m.etcd?.role !== 'leader') continue;
      if (!best || m.etcd.term > best.etcd!.term) best = m;
    }
    return best?.name;
  }

  /** Commands typed since the lesson began, oldest first. */
  get commands(): readonly CommandRecord[] {
    return this.history.commands;
  }

  /** Every input since the lesson began (commands, kills, boots, files written ...), oldest first. */
  get inputs(): readonly { t: number; input: WorldInput }[] {
    return this.history.inputs;
  }

  /** The last command matching `pattern` (on `machine`, if given). */
  ran(pattern: RegExp, machine?: string): CommandRecord | undefined {
    const cs = this.history.commands;
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!;
      if ((machine === undefined || c.machine === machine) && pattern.test(c.line)) return c;
    }
    return undefined;
  }

  file(machine: string, path: string): string | undefined {
    try {
      return this.world.readFile(machine, path);
    } catch {
      return undefined;
    }
  }

  /** The discovery service's registries (tokens, sizes, who registered). */
  discovery(): DiscoveryView[] {
    return this.snapshot.discovery ?? [];
  }

  /** How the machine runs etcd: a member, a proxy, or not at all. */
  etcdMode(name: string): 'member' | 'proxy' | 'none' | undefined {
    return this.machine(name)?.etcdMode;
  }

  /**
   * Watchers registered on a machine's etcd member, or on all members: an `etcdctl watch` waits
   * on whichever member etcdctl picked from the member list, not always its own machine's.
   */
  watchers(machine?: string): number {
    if (machine !== undefined) return this.store(machine)?.watcherCount() ?? 0;
    return this.machines.reduce((n, m) => n + (this.store(m)?.watcherCount() ?? 0), 0);
  }

  /**
   * A key as the cluster holds it: read from the leader's store (what is committed), or from
   * `on`'s member when given. Undefined when absent or nobody can answer.
   */
  key(path: string, on?: string): KeyView | undefined {
    const store = this.store(on ?? this.leader() ?? this.anyMember());
    const node = store && findNode(store.root, KEYS_PREFIX + normalize(path));
    if (!node) return undefined;
    return {
      key: normalize(path),
      dir: node.isDir(),
      value: node.value,
      children: node.children ? [...node.children.keys()].sort() : [],
      createdIndex: node.createdIndex,
      modifiedIndex: node.modifiedIndex,
      expireTime: node.expireTime === 0 ? undefined : node.expireTime,
    };
  }

  /** A key's value, or undefined (absent, or a directory). */
  value(path: string, on?: string): string | undefined {
    const k = this.key(path, on);
    return k && !k.dir ? k.value : undefined;
  }

  /**
   * The events of the last 1000 that touched `path` (set, update, compareAndSwap, expire, ...),
   * oldest first, from the leader's (or `on`'s) store: its own history, as a watch with a
   * waitIndex would see it. Side-effect free: a lookup that finds nothing unregisters at once.
   */
  events(path: string, on?: string): StoreEvent[] {
    const store = this.store(on ?? this.leader() ?? this.anyMember());
    if (!store) return [];
    const key = KEYS_PREFIX + normalize(path);
    const out: StoreEvent[] = [];
    let since = Math.max(1, store.index() - HISTORY + 1);
    while (since <= store.index()) {
      let found: StoreEvent | undefined;
      const w = store.watch(key, false, false, since, (e) => (found = e));
      if (!('remove' in w)) {
        since++;
        continue;
      }
      if (!found) {
        w.remove();
        break;
      }
      const ev: StoreEvent = found;
      out.push(ev);
      since = ev.node.modifiedIndex + 1;
    }
    return out;
  }

  private anyMember(): string | undefined {
    return this.snapshot.machines.find((m) => m.power === 'running' && m.etcd && m.etcd.role !== 'proxy')?.name;
  }

  private store(machine: string | undefined): Store | undefined {
    if (!machine || !this.running(machine)) return undefined;
    try {
      return this.world.etcd(machine).diskRef.etcd?.store;
    } catch {
      return undefined;
    }
  }
}

/** `/a//b/` -> `/a/b`; always rooted. */
function normalize(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  return '/' + parts.join('/');
}

function findNode(root: KNode, path: string): KNode | undefined {
  let n: KNode | undefined = root;
  for (const part of path.split('/')) {
    if (part === '') continue;
    n = n.children?.get(part);
    if (!n) return undefined;
  }
  return n;
}

/** Strips the store's `/1` prefix from an event's key. */
export function userKey(storeKey: string): string {
  return storeKey.startsWith(KEYS_PREFIX + '/') ? storeKey.slice(KEYS_PREFIX.length) : storeKey;
}
