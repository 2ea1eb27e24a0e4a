import { STATUS_TEXT } from '../../../../sim/go-wire.ts';
import type { Runtime } from '../runtime.ts';
import { ClusterError, DeadlineExceeded, ErrNoEndpoints, GoError } from './errors.ts';
import { header, roundTrip, targetOf, type OutRequest, type Reply, type Target } from './round-trip.ts';
import { parseURL, urlString, type GoURL } from '../../../../sim/go-url.ts';

/** What the keys and members APIs ask the cluster client to send (client.httpAction). */
export interface HttpAction {
  /** Builds the request for one endpoint (its path may prefix ours). */
  request(ep: GoURL): OutRequest;
  /** wait=true requests are exempt from the header timeout (client.go, PR #4254, in 2.3). */
  isWait?: boolean;
}

export interface ClientConfig {
  headerTimeoutMs: number;
  /** --debug: print the cURL equivalent of every request on stderr (client.EnablecURLDebug). */
  curlDebug: boolean;
  /** Basic auth from --username. */
  auth?: { username: string; password: string };
}

interface Endpoint extends Target {
  /** URL.String(). */
  str: string;
}

/** A parsed endpoint list. */
interface EndpointList {
  eps: readonly Endpoint[];
  /** The endpoints' URL.String()s, sorted: what a sync compares the members' URLs with. */
  sorted: readonly string[];
}

/**
 * Endpoint lists parsed, by the list handed in: every etcdctl command sets the same few frozen
 * lists (the flag's, the members' URLs). Only a frozen list is kept, as it cannot change.
 */
const parsedEndpoints = new WeakMap<readonly string[], EndpointList>();

const NO_ENDPOINTS: EndpointList = { eps: [], sorted: [] };

/**
 * The members' client URLs, sorted and frozen, by members list: the members API hands every sync
 * one of a few shared lists (one per response body) that nobody changes.
 */
const membersURLs = new WeakMap<readonly object[], readonly string[]>();

/**
 * client.httpClusterClient (etcd 2.3.7): tries the endpoints in order starting at the pinned one,
 * collecting each failure; a 5xx answer counts as a failure too; the first good answer pins its
 * endpoint. The real client shuffles the endpoint list with a time-seeded rand; the playground
 * keeps the given order, and the sorted order after a sync, so runs are reproducible.
 */
export class ClusterClient {
  private list: EndpointList = NO_ENDPOINTS;
  private pinned = 0;

  constructor(
    private rt: Runtime,
    private cfg: ClientConfig,
  ) {}

  /** SetEndpoints / reset. Returns a Go error for an unparsable URL or an empty list. */
  setEndpoints(eps: readonly string[]): GoError | undefined {
    if (eps.length === 0) return ErrNoEndpoints;
    let list = parsedEndpoints.get(eps);
    if (list === undefined) {
      const out: Endpoint[] = [];
      const strs: string[] = [];
      for (const e of eps) {
        const u = parseURL(e);
        if ('error' in u) return new GoError(u.error);
        const str = urlString(u);
        out.push({ ...targetOf(u), str });
        strs.push(str);
      }
      list = { eps: out, sorted: sortStrings(strs) };
      if (Object.isFrozen(eps)) parsedEndpoints.set(eps, list);
    }
    this.list = list;
    this.pinned = 0;
    return undefined;
  }

  enableCurlDebug(): void {
    this.cfg = { ...this.cfg, curlDebug: true };
  }

  endpointStrings(): string[] {
    const eps = this.list.eps;
    const out: string[] = [];
    for (let i = 0; i < eps.length; i++) out.push(eps[i]!.str);
    return out;
  }

  /**
   * The reply, or what `read` makes of it (a reader in the same await saves the caller a layer of
   * its own: every command's requests go through here).
   */
  do(action: HttpAction, deadline?: number): Promise<Reply | GoError>;
  do<T>(action: HttpAction, deadline: number | undefined, read: (r: Reply) => T | GoError): Promise<T | GoError>;
  async do<T>(action: HttpAction, deadline?: number, read?: (r: Reply) => T | GoError): Promise<T | Reply | GoError> {
    // setEndpoints replaces the list, never changes it: this is a snapshot.
    const eps = this.list.eps;
    const n = eps.length;
    if (n === 0) return ErrNoEndpoints;
    const pinned = this.pinned;
    // Most requests succeed at the first endpoint: no list of errors for them.
    let errors: GoError[] | undefined;
    for (let i = pinned; i < pinned + n; i++) {
      const k = i % n;
      const ep = eps[k]!;
      // One endpoint's redirectFollowingHTTPClient: a 3xx answer (etcd 0.4 sends writes on to
      // the leader with a 307) repeats the same request at its Location, at most 10 times.
      let target: Target = ep;
      let req = action.request(ep.url);
      let r: Reply | GoError;
      for (let hop = 0; ; hop++) {
        if (hop > 10) {
          r = new GoError('stopped after 10 redirects');
          break;
        }
        this.prepare(target.url, req);
        r = await roundTrip(this.rt, target, req, { endpoint: ep.str, headerTimeoutMs: action.isWait ? 0 : this.cfg.headerTimeoutMs, deadline });
        if (r instanceof GoError || Math.floor(r.status / 100) !== 3) break;
        const loc = header(r.headers, 'Location');
        if (!loc) {
          r = new GoError('Location header not set');
          break;
        }
        const u = parseURL(loc);
        if ('error' in u) {
          r = new GoError(`Location header not valid URL: ${loc}`);
          break;
        }
        target = targetOf({ ...u, path: '', rawQuery: '' });
        req = { ...action.request(target.url), path: u.path, query: u.rawQuery };
      }
      if (r instanceof GoError) {
        (errors ??= []).push(r);
        // The caller's context error masks the others.
        if (r === DeadlineExceeded) return r;
        continue;
      }
      if (Math.floor(r.status / 100) === 5) {
        (errors ??= []).push(
          r.status === 500 || r.status === 503
            ? new GoError(`client: etcd member ${ep.str} has no leader`)
            : new GoError(`client: etcd member ${ep.str} returns server error [${STATUS_TEXT[r.status] ?? ''}]`),
        );
        continue;
      }
      if (k !== pinned) this.pinned = k;
      return read === undefined ? r : read(r);
    }
    return new ClusterError(errors ?? []);
  }

  /** What goes out with every request: basic auth, and the cURL line under --debug. */
  private prepare(target: GoURL, req: OutRequest): void {
    if (this.cfg.auth) {
      const token = base64(`${this.cfg.auth.username}:${this.cfg.auth.password}`);
      req.headers = [...req.headers, ['Authorization', `Basic ${token}`]];
    }
    if (this.cfg.curlDebug) this.printCurl(target, req);
  }

  /**
   * Sync, once the members are listed: their client URLs replace the endpoints unless they are
   * the same set (the fast path that keeps the pinned endpoint). `ms` must never change.
   */
  sync(ms: readonly { readonly clientURLs: readonly string[] }[]): GoError | undefined {
    let eps = membersURLs.get(ms);
    if (eps === undefined) {
      const urls: string[] = [];
      for (const m of ms) for (const u of m.clientURLs) urls.push(u);
      membersURLs.set(ms, (eps = Object.freeze(sortStrings(urls))));
    }
    if (sameStrings(eps, this.list.sorted)) return undefined;
    return this.setEndpoints(eps);
  }

  /** client/curl.go's printcURL. */
  private printCurl(ep: GoURL, req: OutRequest): void {
    const url = urlString({ ...ep, path: '', rawQuery: '' }) + req.path + (req.query ? `?${req.query}` : '');
    let line = `curl -X ${req.method} ${url}`;
    if (req.body !== undefined) line += ` -d ${goQuote(req.body)}`;
    this.rt.err(`cURL Command: ${line}\n`);
  }
}

/** Go's %q for the printable ASCII and common escapes a request body contains. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of the UTF-8 bytes (Go's SetBasicAuth). */
function base64(s: string): string {
  const b = new TextEncoder().encode(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < b.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < b.length ? B64[n & 63]! : '=';
  }
  return out;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Sorts a few strings in place, in Array.prototype.sort's order (UTF-16 code units), without the
 * work array the built-in sort allocates.
 */
function sortStrings(a: string[]): string[] {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    for (; j >= 0 && a[j]! > v; j--) a[j + 1] = a[j]!;
    a[j + 1] = v;
  }
  return a;
}
