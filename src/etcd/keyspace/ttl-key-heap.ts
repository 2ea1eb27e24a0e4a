import type { KNode } from './node.ts';

/**
 * The min-heap of nodes with a TTL, ordered by expiration (`store/ttl_key_heap.go`). It follows
 * Go's container/heap step by step so that nodes expiring at the same instant come out in the
 * order etcd would expire them.
 */
export class TtlKeyHeap {
  private array: KNode[] = [];

  get length(): number {
    return this.array.length;
  }

  top(): KNode | undefined {
    return this.array[0];
  }

  push(n: KNode): void {
    n.heapIndex = this.array.length;
    this.array.push(n);
    this.up(this.array.length - 1);
  }

  pop(): KNode | undefined {
    if (this.array.length === 0) return undefined;
    const n = this.array.length - 1;
    this.swap(0, n);
    this.down(0, n);
    return this.popLast();
  }

  /** Re-position a node whose expiration changed. */
  update(node: KNode): void {
    if (this.contains(node)) {
      this.removeAt(node.heapIndex);
      this.push(node);
    }
  }

  remove(node: KNode): void {
    if (this.contains(node)) this.removeAt(node.heapIndex);
  }

  private contains(node: KNode): boolean {
    return node.heapIndex >= 0 && this.array[node.heapIndex] === node;
  }

  private removeAt(i: number): void {
    const n = this.array.length - 1;
    if (n !== i) {
      this.swap(i, n);
      this.down(i, n);
      this.up(i);
    }
    this.popLast();
  }

  private popLast(): KNode {
    const x = this.array.pop()!;
    x.heapIndex = -1;
    return x;
  }

  private less(i: number, j: number): boolean {
    return this.array[i]!.expireTime < this.array[j]!.expireTime;
  }

  private swap(i: number, j: number): void {
    const a = this.array;
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
    a[i]!.heapIndex = i;
    a[j]!.heapIndex = j;
  }

  private up(j: number): void {
    for (;;) {
      const i = Math.trunc((j - 1) / 2); // Go's integer division: parent of 0 is 0
      if (i === j || !this.less(j, i)) break;
      this.swap(i, j);
      j = i;
    }
  }

  private down(i: number, n: number): void {
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n) break;
      let j = j1;
      const j2 = j1 + 1;
      if (j2 < n && !this.less(j1, j2)) j = j2;
      if (!this.less(j, i)) break;
      this.swap(i, j);
      i = j;
    }
  }
}
