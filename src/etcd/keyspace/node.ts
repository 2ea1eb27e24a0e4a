import { split } from './paths.ts';
import { compareByKey, goStringCompare, type NodeExtern } from './node-extern.ts';

/** Which part of a compare-and-* failed (`store/node.go`). */
export const CompareResult = { Match: 0, IndexNotMatch: 1, ValueNotMatch: 2, NotMatch: 3 } as const;
export type CompareResult = (typeof CompareResult)[keyof typeof CompareResult];

/**
 * A node of the keyspace tree (`store/node.go`): a key with a value, or a directory with
 * children. Mutated in place by the store; never copied per write.
 */
export class KNode {
  /** Position in the TTL heap, -1 when not in it (Go keeps a map node -> index). */
  heapIndex = -1;

  constructor(
    public path: string,
    public createdIndex: number,
    public modifiedIndex: number,
    public parent: KNode | undefined,
    /** Expiration in virtual ms; 0 = permanent. */
    public expireTime: number,
    public value: string,
    /** Defined iff the node is a directory. */
    public children: Map<string, KNode> | undefined,
  ) {}

  static newKV(path: string, value: string, index: number, parent: KNode | undefined, expireTime: number): KNode {
    return new KNode(path, index, index, parent, expireTime, value, undefined);
  }

  static newDir(path: string, index: number, parent: KNode | undefined, expireTime: number): KNode {
    return new KNode(path, index, index, parent, expireTime, '', new Map());
  }

  isDir(): boolean {
    return this.children !== undefined;
  }

  /** Names starting with `_` are hidden from listings and from watchers above them. */
  isHidden(): boolean {
    const name = split(this.path)[1];
    return name.charCodeAt(0) === 95; // '_'
  }

  isPermanent(): boolean {
    return this.expireTime === 0;
  }

  /**
   * Expiration and ttl as etcd renders them at `now`: ttl = ceil(remaining seconds) while
   * positive; once past, Go's truncating division gives 0, then -1, ... (0 is omitted).
   */
  expirationAndTTL(now: number): [number | undefined, number] {
    if (this.isPermanent()) return [undefined, 0];
    return [this.expireTime, this.ttlAt(now)];
  }

  /** The ttl part of `expirationAndTTL`, for a node that is not permanent. */
  private ttlAt(now: number): number {
    let left = this.expireTime - now;
    // Go subtracts whole nanoseconds (`store/node.go`); these floats (expireTime = now + ttl *
    // 1000) carry rounding of an ulp or two, so a whole second missed by less than that, or
    // by under half a nanosecond, is that whole second: no sliver that would round up.
    const whole = Math.round(left / 1000) * 1000;
    if (Math.abs(left - whole) <= Math.max(5e-7, 4 * Number.EPSILON * Math.max(this.expireTime, Math.abs(now)))) left = whole;
    let ttl = Math.trunc(left / 1000);
    if (left - ttl * 1000 > 0) ttl++;
    return ttl;
  }

  /** Children in Go-map order made deterministic: sorted by name. */
  sortedChildren(): KNode[] {
    const list = [...this.children!.values()];
    list.sort((a, b) => goStringCompare(a.path, b.path));
    return list;
  }

  /** `node.Repr`: the client view, children (non-hidden) only when recursive. */
  repr(recursive: boolean, now: number): NodeExtern {
    const [expiration, ttl] = this.expirationAndTTL(now);
    if (this.isDir()) {
      const ext: NodeExtern = {
        key: this.path,
        dir: true,
        modifiedIndex: this.modifiedIndex,
        createdIndex: this.createdIndex,
      };
      if (expiration !== undefined) {
        ext.expiration = expiration;
        ext.ttl = ttl;
      }
      if (recursive) ext.nodes = this.listVisible(true, now);
      return ext;
    }
    const ext: NodeExtern = {
      key: this.path,
      value: this.value,
      modifiedIndex: this.modifiedIndex,
      createdIndex: this.createdIndex,
    };
    if (expiration !== undefined) {
      ext.expiration = expiration;
      ext.ttl = ttl;
    }
    return ext;
  }

  /**
   * The non-hidden children rendered. etcd lists them in Go map order (random) unless
   * `sorted=true`; the playground is deterministic and always sorts by key.
   */
  listVisible(recursive: boolean, now: number): NodeExtern[] {
    const out: NodeExtern[] = [];
    for (const child of this.children!.values()) {
      if (!child.isHidden()) out.push(child.repr(recursive, now));
    }
    out.sort(compareByKey);
    return out;
  }

  /** `NodeExtern.loadInternalNode`: a directory lists its (non-hidden) children one level deep. */
  loadInto(ext: NodeExtern, recursive: boolean, now: number): void {
    if (this.isDir()) {
      ext.dir = true;
      ext.nodes = this.listVisible(recursive, now);
    } else {
      ext.value = this.value;
    }
    this.setExpirationOn(ext, now);
  }

  /** Writes this node's expiration and ttl into a rendered node (or clears them). */
  setExpirationOn(ext: NodeExtern, now: number): void {
    // No [expiration, ttl] pair: this runs for every key a set replaces.
    if (!this.isPermanent()) {
      ext.expiration = this.expireTime;
      ext.ttl = this.ttlAt(now);
    } else if ('expiration' in ext || 'ttl' in ext) {
      // `delete` is slow even for a missing property: most nodes never had these.
      delete ext.expiration;
      delete ext.ttl;
    }
  }

  /** `node.Compare`: an empty prevValue / zero prevIndex always matches. */
  compare(prevValue: string, prevIndex: number): CompareResult {
    const indexMatch = prevIndex === 0 || this.modifiedIndex === prevIndex;
    const valueMatch = prevValue === '' || this.value === prevValue;
    if (valueMatch && indexMatch) return CompareResult.Match;
    if (indexMatch) return CompareResult.ValueNotMatch;
    if (valueMatch) return CompareResult.IndexNotMatch;
    return CompareResult.NotMatch;
  }
}

/** The 101 cause: `[prevValue != value]`, `[prevIndex != modifiedIndex]`, or both. */
export function compareFailCause(n: KNode, which: CompareResult, prevValue: string, prevIndex: number): string {
  switch (which) {
    case CompareResult.IndexNotMatch:
      return `[${prevIndex} != ${n.modifiedIndex}]`;
    case CompareResult.ValueNotMatch:
      return `[${prevValue} != ${n.value}]`;
    default:
      return `[${prevValue} != ${n.value}] [${prevIndex} != ${n.modifiedIndex}]`;
  }
}
