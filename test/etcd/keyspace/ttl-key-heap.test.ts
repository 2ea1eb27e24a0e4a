import { describe, it, expect } from 'vitest';
import { KNode } from '../../../src/etcd/keyspace/node.ts';
import { TtlKeyHeap } from '../../../src/etcd/keyspace/ttl-key-heap.ts';

const node = (name: string, exp: number) => KNode.newKV('/' + name, 'v', 1, undefined, exp);

describe('TtlKeyHeap', () => {
  it('pops in expiration order and supports update/remove', () => {
    const h = new TtlKeyHeap();
    const nodes = [node('a', 50), node('b', 10), node('c', 30), node('d', 20), node('e', 40)];
    for (const n of nodes) h.push(n);
    nodes[0]!.expireTime = 5;
    h.update(nodes[0]!);
    h.remove(nodes[2]!);
    h.remove(nodes[2]!); // not there any more: no-op
    const out: string[] = [];
    for (let n = h.pop(); n; n = h.pop()) out.push(n.path);
    expect(out).toEqual(['/a', '/b', '/d', '/e']);
    expect(h.length).toBe(0);
    expect(h.top()).toBeUndefined();
  });

  it('is deterministic for equal expirations (Go container/heap order)', () => {
    const h = new TtlKeyHeap();
    for (const name of ['p', 'q', 'r', 's']) h.push(node(name, 100));
    const out: string[] = [];
    for (let n = h.pop(); n; n = h.pop()) out.push(n.path);
    // Go: push keeps p at the root; each pop swaps the last in and sifts down with "!less(j1, j2)"
    // preferring the right child on ties.
    expect(out).toEqual(['/p', '/s', '/r', '/q']);
  });
});
