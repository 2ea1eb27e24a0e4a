import { EcodeDirNotEmpty, EcodeNotFile, EtcdError } from './errors.ts';
import type { KNode } from './node.ts';
import { split } from './paths.ts';
import type { TtlKeyHeap } from './ttl-key-heap.ts';

/**
 * `node.Remove`: unlinks a key, or a directory (needs `dir`; non-empty needs `recursive`).
 * `onRemoved` is called for every removed path, descendants first (etcd notifies watchers
 * inside a deleted directory this way). Children go in name order (Go: map order).
 */
export function removeNode(
  n: KNode,
  dir: boolean,
  recursive: boolean,
  heap: TtlKeyHeap,
  currentIndex: number,
  onRemoved: ((path: string) => void) | undefined,
  /** The store's path index: removed nodes leave it with the tree. */
  byPath: Map<string, KNode>,
): EtcdError | undefined {
  if (!n.isDir()) {
    unlink(n, byPath);
    onRemoved?.(n.path);
    if (!n.isPermanent()) heap.remove(n);
    return undefined;
  }
  if (!dir) return new EtcdError(EcodeNotFile, n.path, currentIndex);
  if (n.children!.size !== 0 && !recursive) return new EtcdError(EcodeDirNotEmpty, n.path, currentIndex);
  if (n.children!.size !== 0) {
    for (const child of n.sortedChildren()) removeNode(child, true, true, heap, currentIndex, onRemoved, byPath);
  }
  if (unlink(n, byPath)) {
    onRemoved?.(n.path);
    if (!n.isPermanent()) heap.remove(n);
  }
  return undefined;
}

/** Removes the node from its parent's children (and the path index) if it is still there. */
function unlink(n: KNode, byPath: Map<string, KNode>): boolean {
  const name = split(n.path)[1];
  if (n.parent && n.parent.children!.get(name) === n) {
    n.parent.children!.delete(name);
    byPath.delete(n.path);
    return true;
  }
  return false;
}
