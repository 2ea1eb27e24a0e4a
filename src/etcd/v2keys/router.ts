import type { HttpRequest, HttpResponseWriter } from '../../sim/http.ts';
import { canonicalURLPath, escapePath } from '../../sim/go-url.ts';
import { refuseUnparsableRequest } from '../go-http-error.ts';
import { GoFormError, pathUnescape } from './go-form.ts';
import { handleKeys, KEYS_PREFIX, type KeysServer } from './handler.ts';

/** The keys prefix with its slash, made once (not per request). */
const KEYS_DIR = KEYS_PREFIX + '/';

function htmlEscape(s: string): string {
  return s.replace(/[&'<>"]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;' })[c]!);
}

/**
 * Routes a client request whose path is under `/v2/keys` (etcd's mux patterns `/v2/keys` and
 * `/v2/keys/`). Returns false when the path is not a keys path, for the caller's other routes.
 * Like Go's ServeMux, an unclean path (`//`, `.`, `..`) is first redirected (301) to its
 * clean form — which also keeps `/v2/keys/../0` away from the cluster namespace.
 */
export function routeKeys(server: KeysServer, req: HttpRequest, res: HttpResponseWriter): boolean {
  if (!req.path.startsWith(KEYS_PREFIX)) return false;
  const decoded = pathUnescape(req.path);
  // Go's server rejects a request line it cannot parse before any handler runs.
  if (decoded instanceof GoFormError) return refuseUnparsableRequest(req.path, res);
  const cleaned = canonicalURLPath(decoded);
  if (cleaned !== decoded) {
    const location = escapePath(cleaned) + (req.query !== '' ? '?' + req.query : '');
    if (req.method === 'GET') {
      res.writeHead(301, [
        ['Location', location],
        ['Content-Type', 'text/html; charset=utf-8'],
      ]);
      res.end(`<a href="${htmlEscape(location)}">Moved Permanently</a>.\n\n`);
    } else {
      res.writeHead(301, [['Location', location]]);
      res.end();
    }
    return true;
  }
  if (decoded !== KEYS_PREFIX && !decoded.startsWith(KEYS_DIR)) return false;
  handleKeys(server, req, res, decoded);
  return true;
}
