import { EcodeKeyNotFound, EcodeNotDir, EtcdError } from './errors.ts';
import { KNode } from './node.ts';
import { join } from './paths.ts';

/**
 * The store's tree of nodes from its root, with every node also kept by its path: nodes enter
 * the tree through `link` and leave it through removeNode (which is given `byPath`), so that
 * looking a key up is one map access instead of one per path element.
 */
export class NodeTree {
  readonly root = KNode.newDir('/', 0, undefined, 0);
  readonly byPath = new Map<string, KNode>([['/', this.root]]);

  /** Puts a new node in the tree under `parent`. */
  link(parent: KNode, name: string, n: KNode): void {
    parent.children!.set(name, n);
    this.byPath.set(n.path, n);
  }

  /**
   * The node at a clean path; 100 (cause: the first missing path) or 104 (cause: the key in
   * the way), with `index` as the error's index.
   */
  get(nodePath: string, index: number): KNode | EtcdError {
    const hit = this.byPath.get(nodePath);
    if (hit !== undefined) return hit;
    // Not in the tree: the walk finds which element is missing, or which key is in the way.
    return this.walk(nodePath, (curr, name) => {
      if (!curr.isDir()) return new EtcdError(EcodeNotDir, curr.path, index);
      return curr.children!.get(name) ?? new EtcdError(EcodeKeyNotFound, join(curr.path, name), index);
    });
  }

  /** Follows the components after the leading '/', up to the first empty one, through `fn`. */
  walk(nodePath: string, fn: (parent: KNode, name: string) => KNode | EtcdError): KNode | EtcdError {
    // split() is slow here.
    let curr: KNode = this.root;
    let start = nodePath.indexOf('/') + 1;
    if (start === 0) return curr;
    for (;;) {
      let end = nodePath.indexOf('/', start);
      if (end < 0) end = nodePath.length;
      if (end === start) return curr;
      const next = fn(curr, nodePath.slice(start, end));
      if (next instanceof EtcdError) return next;
      curr = next;
      if (end === nodePath.length) return curr;
      start = end + 1;
    }
  }
}
