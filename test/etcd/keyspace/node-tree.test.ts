import { describe, it, expect } from 'vitest';
import { newMemberStore } from '../../../src/etcd/keyspace/namespaces.ts';
import { EtcdError } from '../../../src/etcd/keyspace/errors.ts';
import type { KNode } from '../../../src/etcd/keyspace/node.ts';

/** The node at `path` found by walking the tree from the root, as etcd does. */
function walk(root: KNode, path: string): KNode | undefined {
  let n: KNode | undefined = root;
  for (const part of path.split('/')) if (part !== '' && n) n = n.children?.get(part);
  return n;
}

describe('the path index', () => {
  it('finds exactly the nodes of the tree through sets, deletes, directories and expiry', () => {
    const s = newMemberStore();
    const paths = ['/1/a', '/1/a/b', '/1/d', '/1/d/x', '/1/d/e', '/1/d/e/f', '/1/_h', '/1/t'];
    let seed = 1;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) % n;
    let now = 0;
    for (let i = 0; i < 2000; i++) {
      const p = paths[rnd(paths.length)]!;
      const ttl = rnd(4) === 0 ? { expireTime: now + 1 + rnd(3000) } : { expireTime: 0 };
      switch (rnd(5)) {
        case 0:
        case 1:
          s.set(p, rnd(4) === 0, 'v' + i, ttl, now);
          break;
        case 2:
          s.delete(p, rnd(2) === 0, rnd(2) === 0, now);
          break;
        case 3:
          s.update(p, rnd(2) ? 'u' : '', ttl, now);
          break;
        default:
          now += rnd(1000);
          s.deleteExpiredKeys(now);
      }
      for (const q of paths) {
        const r = s.get(q, false, false, now);
        const n = walk(s.root, q);
        if (n) expect(r instanceof EtcdError ? r.toJson() : r.node.modifiedIndex).toBe(n.modifiedIndex);
        else expect(r).toBeInstanceOf(EtcdError);
      }
    }
  });
});
