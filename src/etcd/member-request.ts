import { goJsonSyntaxError } from './go-json-syntax.ts';

/** An answer etcd gives instead (httptypes.HTTPError, or http.Error's 405 when `message` is absent). */
export interface MemberRequestError {
  status: number;
  message?: string;
}

/** reflect's name for MemberCreateRequest.UnmarshalJSON's anonymous struct. */
const STRUCT_TYPE = 'struct { PeerURLs []string "json:\\"peerURLs\\"" }';

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v);
const typeError = (v: unknown, into: string) => `json: cannot unmarshal ${kind(v)} into Go value of type ${into}`;

/**
 * etcdhttp's unmarshalRequest with MemberCreateRequest (and MemberUpdateRequest, the same
 * shape): the Content-Type must be JSON (415), then json.Unmarshal into `{PeerURLs []string}`
 * and types.NewURLs, whose error text is the 400's message. The URLs come back trimmed and sorted.
 */
export function parseMemberURLs(contentType: string, body: string): { peerURLs: string[] } | MemberRequestError {
  if (contentType !== 'application/json') return { status: 415, message: `Bad Content-Type ${contentType}, accept application/json` };
  const syntax = goJsonSyntaxError(body);
  if (syntax !== undefined) return { status: 400, message: syntax };
  const doc = JSON.parse(body) as unknown;
  let strs: string[] = [];
  if (doc !== null) {
    if (kind(doc) !== 'object') return { status: 400, message: typeError(doc, STRUCT_TYPE) };
    // Go matches a field name without regard to case; a later key replaces an earlier one.
    const entries = Object.entries(doc as Record<string, unknown>).filter(([k]) => k.toLowerCase() === 'peerurls');
    const v = entries.length > 0 ? entries[entries.length - 1]![1] : null;
    if (v !== null) {
      if (!Array.isArray(v)) return { status: 400, message: typeError(v, '[]string') };
      const bad = v.find((e) => e !== null && typeof e !== 'string');
      if (bad !== undefined) return { status: 400, message: typeError(bad, 'string') };
      strs = v.map((e) => (e === null ? '' : (e as string)));
    }
  }
  const urls = newURLs(strs);
  return typeof urls === 'string' ? { status: 400, message: urls } : { peerURLs: urls };
}

/** pkg/types NewURLs (etcd 2.3): the error text, or the URLs sorted. */
function newURLs(strs: string[]): string[] | string {
  if (strs.length === 0) return 'no valid URLs given';
  const out: string[] = [];
  for (const raw of strs) {
    const s = raw.trim();
    // url.Parse's getscheme: letters first, then letters, digits, + - . up to the colon.
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s);
    if (s.startsWith(':')) return `parse ${s}: missing protocol scheme`;
    const scheme = m ? m[1]!.toLowerCase() : '';
    if (scheme !== 'http' && scheme !== 'https') return `URL scheme must be http or https: ${s}`;
    const rest = s.slice(m![0].length).replace(/#.*$/, '').replace(/\?.*$/, '');
    let host = '';
    let path = rest;
    if (rest.startsWith('//')) {
      const auth = rest.slice(2);
      const slash = auth.indexOf('/');
      host = (slash >= 0 ? auth.slice(0, slash) : auth).replace(/^.*@/, '');
      path = slash >= 0 ? auth.slice(slash) : '';
    }
    if (!splitsHostPort(host)) return `URL address does not have the form "host:port": ${s}`;
    if (path !== '') return `URL must not contain a path: ${s}`;
    out.push(scheme + s.slice(scheme.length));
  }
  return out.sort();
}

/** Whether net.SplitHostPort accepts `h` (a port may be empty; one colon, or a bracketed host). */
function splitsHostPort(h: string): boolean {
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 && h[end + 1] === ':' && !/[[\]:]/.test(h.slice(end + 2)) && !h.slice(1, end).includes('[');
  }
  const colon = h.lastIndexOf(':');
  return colon >= 0 && !/[[\]:]/.test(h.slice(0, colon)) && !/[[\]]/.test(h.slice(colon + 1));
}

/**
 * etcdhttp's getID for DELETE and PUT: no ID is http.Error's 405 (no Allow header); an ID
 * types.IDFromString refuses (hex, 64 bits) is 404. The ID comes back as types.ID prints it.
 */
export function memberIdFromPath(idStr: string): { id: string } | MemberRequestError {
  if (idStr === '') return { status: 405 };
  if (!/^[0-9a-fA-F]+$/.test(idStr) || BigInt('0x' + idStr) >= 1n << 64n) return { status: 404, message: `No such member: ${idStr}` };
  return { id: BigInt('0x' + idStr).toString(16) };
}
