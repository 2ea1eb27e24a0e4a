/**
 * The parts of Go's net/url that the simulated Go programs go through: url.Parse (etcdctl's
 * endpoints), URL.String, path escaping, url.Values.Encode, ParseRequestURI (coreos-cloudinit's
 * discovery check), and the ServeMux / etcd CanonicalURLPath cleaning of request paths.
 */
import { clean } from './go-path.ts';

export interface GoURL {
  scheme: string;
  opaque: string;
  /** host[:port] as written. */
  host: string;
  /** Unescaped. */
  path: string;
  rawQuery: string;
}

const enc = new TextEncoder();

function pctEncode(s: string, keep: (c: string) => boolean, spacePlus: boolean, allKept?: RegExp): string {
  // Keys and values are mostly plain: nothing to escape, the string itself.
  if (s === '' || (allKept !== undefined && allKept.test(s))) return s;
  let out = '';
  for (const ch of s) {
    if (ch.length === 1 && ch.charCodeAt(0) < 0x80 && keep(ch)) out += ch;
    else if (ch === ' ' && spacePlus) out += '+';
    else for (const b of enc.encode(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const unreserved = (c: string) => /[A-Za-z0-9\-_.~]/.test(c);
const keptInPath = (c: string) => unreserved(c) || '$&+,/:;=@'.includes(c);
/** Strings pctEncode would hand back unchanged. */
const ALL_PATH_KEPT = /^[A-Za-z0-9\-_.~$&+,/:;=@]*$/;
const ALL_QUERY_KEPT = /^[A-Za-z0-9\-_.~]*$/;

/** Go's escape(s, encodePath): reserved characters other than `?` stay as they are. */
export function escapePath(p: string): string {
  return pctEncode(p, keptInPath, false, ALL_PATH_KEPT);
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  return pctEncode(s, unreserved, true, ALL_QUERY_KEPT);
}

/** url.Values.Encode: keys sorted, `k=v` joined by `&`. */
export function encodeValues(values: Record<string, string>): string {
  // Every request encodes a few values: an insertion sort (sort()'s order) and one string.
  const keys = Object.keys(values);
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > k; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = k;
  }
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out += `${i > 0 ? '&' : ''}${queryEscape(k)}=${queryEscape(values[k]!)}`;
  }
  return out;
}

function unescape(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** url.Parse, enough for endpoint URLs. Errors read like Go's: `parse <raw>: <reason>`. */
export function parseURL(raw: string): GoURL | { error: string } {
  // Every etcdctl command parses the same few endpoint URLs: parse each once, hand out copies.
  let r = parsedURLs.get(raw);
  if (r === undefined) {
    if (parsedURLs.size >= 256) parsedURLs.clear();
    parsedURLs.set(raw, (r = parseURLOnce(raw)));
  }
  return { ...r };
}

const parsedURLs = new Map<string, GoURL | { error: string }>();

function parseURLOnce(raw: string): GoURL | { error: string } {
  const fail = (why: string) => ({ error: `parse ${raw}: ${why}` });
  let rest = raw.split('#')[0]!;
  let scheme = '';
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) return fail('missing protocol scheme');
      scheme = rest.slice(0, i).toLowerCase();
      rest = rest.slice(i + 1);
    }
    break;
  }
  let rawQuery = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (scheme !== '' && !rest.startsWith('/')) return { scheme, opaque: rest, host: '', path: '', rawQuery };
  // No "first path segment in URL cannot contain colon": that check came with Go 1.8 (2017).
  // etcdctl 2.3.7 was built with Go 1.6, where `172.17.8.101:2379` parses as a path and
  // getEndpoints' added scheme makes it `http://172.17.8.101:2379`.
  let host = '';
  if ((scheme !== '' || rest.startsWith('//')) && rest.startsWith('//')) {
    const auth = rest.slice(2);
    const slash = auth.indexOf('/');
    host = slash >= 0 ? auth.slice(0, slash) : auth;
    rest = slash >= 0 ? auth.slice(slash) : '';
    const at = host.lastIndexOf('@');
    if (at >= 0) host = host.slice(at + 1);
  }
  const path = unescape(rest);
  if (path === undefined) return fail(`invalid URL escape`);
  return { scheme, opaque: '', host, path, rawQuery };
}

/** URL.String(). */
export function urlString(u: GoURL): string {
  let s = u.scheme ? `${u.scheme}:` : '';
  if (u.opaque) s += u.opaque;
  else {
    if (u.scheme || u.host) s += '//' + u.host;
    const p = escapePath(u.path);
    if (p !== '' && p[0] !== '/' && u.host !== '') s += '/';
    s += p;
  }
  if (u.rawQuery) s += '?' + u.rawQuery;
  return s;
}

/** etcd's pathutil.CanonicalURLPath: clean, rooted, keeping a trailing slash. */
export function canonicalURLPath(p: string): string {
  if (p === '') return '/';
  if (p[0] !== '/') p = '/' + p;
  let np = clean(p);
  if (p.endsWith('/') && np !== '/') np += '/';
  return np;
}

/**
 * Whether Go's url.ParseRequestURI accepts a string: an absolute URI with a `/` after the scheme,
 * or an absolute path. (Only what the discovery check needs.)
 */
export function isRequestURI(raw: string): boolean {
  if (raw === '' || /[\x00-\x1f\x7f]/.test(raw)) return false;
  if (/%(?![0-9a-fA-F]{2})/.test(raw)) return false;
  let rest = raw;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw);
  if (scheme) rest = raw.slice(scheme[0].length);
  else if (/^[^/?#]*:/.test(raw) && raw.startsWith(':')) return false; // "missing protocol scheme"
  if (!rest.startsWith('/')) return false;
  if (scheme && rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    let authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    const at = authority.lastIndexOf('@');
    if (at >= 0) authority = authority.slice(at + 1);
    return validHost(authority);
  }
  return true;
}

function validHost(host: string): boolean {
  if (host.startsWith('[')) return /^\[[0-9a-fA-F:.]+(%[^\]]*)?\](:\d*)?$/.test(host);
  const colon = host.lastIndexOf(':');
  const name = colon >= 0 ? host.slice(0, colon) : host;
  const port = colon >= 0 ? host.slice(colon + 1) : '';
  if (!/^\d*$/.test(port)) return false;
  return /^[A-Za-z0-9\-._~!$&'()*+,;=%]*$/.test(name);
}
