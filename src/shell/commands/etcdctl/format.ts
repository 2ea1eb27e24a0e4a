import { marshalResponse, type Response } from './client/node.ts';
import type { Runtime } from './runtime.ts';

/** etcdctl/command/format.go's printResponseKey: `-o simple|extended|json`. */
export function printResponseKey(rt: Runtime, resp: Response, format: string): void {
  const node = resp.node;
  switch (format) {
    case 'simple':
      if (resp.action !== 'delete') rt.out(`${node?.value ?? ''}\n`);
      else rt.out(`PrevNode.Value: ${resp.prevNode?.value ?? ''}\n`);
      return;
    case 'extended': {
      // An rfc2822-style block.
      let s = `Key: ${node?.key ?? ''}\nCreated-Index: ${node?.createdIndex ?? 0}\nModified-Index: ${node?.modifiedIndex ?? 0}\n`;
      if (resp.prevNode) s += `PrevNode.Value: ${resp.prevNode.value}\n`;
      s += `TTL: ${node?.ttl ?? 0}\nIndex: ${resp.index}\n`;
      if (resp.action !== 'delete') s += `\n${node?.value ?? ''}\n`;
      rt.out(s);
      return;
    }
    case 'json':
      rt.out(`${marshalResponse(resp)}\n`);
      return;
    default:
      rt.err(`Unsupported output format: ${format}\n`);
  }
}
