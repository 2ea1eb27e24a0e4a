import type { ClusterClient, HttpAction } from './cluster-client.ts';
import { GoError } from './errors.ts';
import type { Reply } from './round-trip.ts';
import { clean } from '../../../../sim/go-path.ts';
import { escapePath, parseURL, urlString, type GoURL } from '../../../../sim/go-url.ts';
import { goJsonSyntaxError } from '../../../../etcd/go-json-syntax.ts';

/** client.MembersAPI (client/members.go @v2.3.7). */
export interface Member {
  id: string;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
}

const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];

function membersPath(ep: GoURL, rest: readonly string[]): string {
  // Every command's sync: an endpoint without a path asking for the list itself.
  if (ep.path === '' && rest.length === 0) return '/v2/members';
  return escapePath(clean([ep.path, '/v2/members', ...rest].filter((p) => p !== '').join('/')));
}

function action(method: string, rest: string[], body?: string): HttpAction {
  return {
    request: (ep) => ({
      method,
      path: membersPath(ep, rest),
      query: '',
      headers: body === undefined ? [] : [JSON_TYPE],
      body,
    }),
  };
}

/** GET /v2/members, the request every command's endpoint sync sends. */
const LIST = action('GET', []);

function parseJSON(body: string): unknown | GoError {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    // encoding/json's syntax error (its scanner, as etcd's own API reports one).
    return new GoError(goJsonSyntaxError(body) ?? 'unexpected end of JSON input');
  }
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function toMember(v: unknown): Member {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  return { id: s(o.id), name: s(o.name), peerURLs: strings(o.peerURLs), clientURLs: strings(o.clientURLs) };
}

/**
 * Members lists by response body: every etcdctl command syncs its endpoints from the same few
 * bodies. `list` hands out copies, `listShared` the lists themselves.
 */
const listedMembers = new Map<string, readonly Member[]>();

function copyMember(m: Member): Member {
  return { id: m.id, name: m.name, peerURLs: [...m.peerURLs], clientURLs: [...m.clientURLs] };
}

function assertStatus(r: Reply, ...want: number[]): GoError | undefined {
  return want.includes(r.status) ? undefined : new GoError(`unexpected status code ${r.status}`);
}

/** types.NewURLs as etcd 2.3 validates peer URLs before sending them. */
export function validatePeerURLs(urls: string[]): string[] | GoError {
  if (urls.length === 0) return new GoError('no valid URLs given');
  const out: string[] = [];
  for (const raw of urls) {
    const s = raw.trim();
    const u = parseURL(s);
    if ('error' in u) return new GoError(u.error);
    if (u.scheme !== 'http' && u.scheme !== 'https') return new GoError(`URL scheme must be http or https: ${s}`);
    if (!/^(\[[^\]]*\]|[^:[\]]*):[^:]*$/.test(u.host)) return new GoError(`URL address does not have the form "host:port": ${s}`);
    if (u.path !== '') return new GoError(`URL must not contain a path: ${s}`);
    out.push(urlString(u));
  }
  return out.sort();
}

/** The members a `GET /v2/members` answer lists (parsed once per body: shared, never change them). */
function decodeList(r: Reply): readonly Member[] | GoError {
  const bad = assertStatus(r, 200);
  if (bad) return bad;
  let members = listedMembers.get(r.body);
  if (members === undefined) {
    const v = parseJSON(r.body);
    if (v instanceof GoError) return v;
    const ms = (v as Record<string, unknown> | null)?.members;
    members = Array.isArray(ms) ? ms.map(toMember) : [];
    if (listedMembers.size >= 32) listedMembers.clear();
    listedMembers.set(r.body, members);
  }
  return members;
}

export class MembersAPI {
  constructor(private client: ClusterClient) {}

  async list(deadline?: number): Promise<Member[] | GoError> {
    const members = await this.client.do(LIST, deadline, decodeList);
    return members instanceof GoError ? members : members.map(copyMember);
  }

  /** `list` without the copies, for readers only (every command's endpoint sync). */
  listShared(deadline?: number): Promise<readonly Readonly<Member>[] | GoError> {
    return this.client.do(LIST, deadline, decodeList);
  }

  async leader(deadline?: number): Promise<Member | GoError> {
    const r = await this.client.do(action('GET', ['leader']), deadline);
    if (r instanceof GoError) return r;
    const bad = assertStatus(r, 200);
    if (bad) return bad;
    const v = parseJSON(r.body);
    return v instanceof GoError ? v : toMember(v);
  }

  async add(peerURL: string, deadline?: number): Promise<Member | GoError> {
    const urls = validatePeerURLs([peerURL]);
    if (urls instanceof GoError) return urls;
    const r = await this.client.do(action('POST', [], JSON.stringify({ peerURLs: urls })), deadline);
    if (r instanceof GoError) return r;
    const bad = assertStatus(r, 201, 409);
    if (bad) return bad;
    const v = parseJSON(r.body);
    if (v instanceof GoError) return v;
    if (r.status !== 201) return new GoError(toMessage(v));
    return toMember(v);
  }

  async remove(id: string, deadline?: number): Promise<GoError | undefined> {
    const r = await this.client.do(action('DELETE', [id]), deadline);
    if (r instanceof GoError) return r;
    return assertStatus(r, 204, 410);
  }

  async update(id: string, peerURLs: string[], deadline?: number): Promise<GoError | undefined> {
    const urls = validatePeerURLs(peerURLs);
    if (urls instanceof GoError) return urls;
    const r = await this.client.do(action('PUT', [id], JSON.stringify({ peerURLs: urls })), deadline);
    if (r instanceof GoError) return r;
    const bad = assertStatus(r, 204, 404, 409);
    if (bad) return bad;
    if (r.status === 204) return undefined;
    const v = parseJSON(r.body);
    return v instanceof GoError ? v : new GoError(toMessage(v));
  }
}

/** membersError: the `message` of the body. */
function toMessage(v: unknown): string {
  const m = (v as Record<string, unknown> | null)?.message;
  return typeof m === 'string' ? m : '';
}
