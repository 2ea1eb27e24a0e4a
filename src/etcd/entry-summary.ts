import type { Entry, ConfChange } from './raft/types.ts';
import type { EtcdRequest } from './v2keys/request.ts';

/** One line describing a log entry for the inspector, e.g. `PUT /message`. */
export function entrySummary(e: Entry): string {
  if (e.type === 'confChange') {
    const cc = e.data as ConfChange;
    return `conf ${cc.type === 'addNode' ? 'add' : 'remove'} ${cc.nodeId}`;
  }
  const r = e.data as EtcdRequest | null | undefined;
  if (!r || !r.Method) return '(empty)';
  if (r.Method === 'SYNC') return 'SYNC';
  const path = r.Path?.startsWith('/1') ? r.Path.slice(2) || '/' : r.Path;
  return `${r.Method} ${path}`;
}
