import type { ClusterClient, HttpAction } from './cluster-client.ts';
import { EtcdError, ErrEmptyBody, ErrInvalidJSON, GoError } from './errors.ts';
import { decodeResponse, type Response } from './node.ts';
import { header, type Reply } from './round-trip.ts';
import { canonicalURLPath, encodeValues, escapePath, type GoURL } from '../../../../sim/go-url.ts';

/** client.KeysAPI (client/keys.go @v2.3.7): the requests it builds and how it reads replies. */

const KEYS_PREFIX = '/v2/keys';
const FORM: [string, string] = ['Content-Type', 'application/x-www-form-urlencoded'];

/** v2KeysURL: endpoint path + prefix + key, cleaned, trailing slash kept. */
function keysPath(ep: GoURL, key: string): string {
  if (key !== '' && key[0] !== '/') key = '/' + key;
  const p = ep.path + KEYS_PREFIX + key;
  let escaped = keysPaths.get(p);
  if (escaped === undefined) {
    escaped = escapePath(canonicalURLPath(p));
    if (keysPaths.size >= 256) keysPaths.clear();
    keysPaths.set(p, escaped);
  }
  return escaped;
}

/** Request paths by the text they are made from: commands name the same few keys again and again. */
const keysPaths = new Map<string, string>();

export type PrevExist = '' | 'true' | 'false';

export interface SetOptions {
  prevValue?: string;
  prevIndex?: number;
  prevExist?: PrevExist;
  /** Seconds; 0 = none. */
  ttl?: number;
  dir?: boolean;
}

export interface DeleteOptions {
  prevValue?: string;
  prevIndex?: number;
  dir?: boolean;
  recursive?: boolean;
}

export interface GetOptions {
  recursive?: boolean;
  sort?: boolean;
  quorum?: boolean;
}

function getAction(key: string, o: GetOptions): HttpAction {
  return {
    request: (ep) => ({
      method: 'GET',
      path: keysPath(ep, key),
      query: encodeValues({ recursive: String(!!o.recursive), sorted: String(!!o.sort), quorum: String(!!o.quorum) }),
      headers: [],
    }),
  };
}

function setAction(key: string, value: string, o: SetOptions): HttpAction {
  return {
    request: (ep) => {
      const params: Record<string, string> = {};
      const form: Record<string, string> = {};
      if (o.dir) params.dir = 'true';
      else {
        if (o.prevValue) params.prevValue = o.prevValue;
        form.value = value;
      }
      if (o.prevIndex) params.prevIndex = String(o.prevIndex);
      if (o.prevExist) params.prevExist = o.prevExist;
      if (o.ttl && o.ttl > 0) form.ttl = String(o.ttl);
      return { method: 'PUT', path: keysPath(ep, key), query: encodeValues(params), headers: [FORM], body: encodeValues(form) };
    },
  };
}

function createInOrderAction(dir: string, value: string, ttl: number): HttpAction {
  return {
    request: (ep) => {
      const form: Record<string, string> = { value };
      if (ttl > 0) form.ttl = String(ttl);
      return { method: 'POST', path: keysPath(ep, dir), query: '', headers: [FORM], body: encodeValues(form) };
    },
  };
}

function deleteAction(key: string, o: DeleteOptions): HttpAction {
  return {
    request: (ep) => {
      const params: Record<string, string> = {};
      if (o.prevValue) params.prevValue = o.prevValue;
      if (o.prevIndex) params.prevIndex = String(o.prevIndex);
      if (o.dir) params.dir = 'true';
      if (o.recursive) params.recursive = 'true';
      return { method: 'DELETE', path: keysPath(ep, key), query: encodeValues(params), headers: [FORM] };
    },
  };
}

function waitAction(key: string, waitIndex: number, recursive: boolean): HttpAction {
  return {
    isWait: true,
    request: (ep) => ({
      method: 'GET',
      path: keysPath(ep, key),
      query: encodeValues({ wait: 'true', waitIndex: String(waitIndex), recursive: String(recursive) }),
      headers: [],
    }),
  };
}

/** unmarshalHTTPResponse: 200/201 is a response (an empty body is ErrEmptyBody), else an etcd error. */
export function unmarshalKeysReply(r: Reply): Response | GoError {
  if (r.status === 200 || r.status === 201) {
    if (r.body.length === 0) return ErrEmptyBody;
    const idx = header(r.headers, 'X-Etcd-Index');
    const resp = decodeResponse(r.body, idx ? Number(idx) || 0 : 0);
    return resp ?? ErrInvalidJSON;
  }
  let v: unknown;
  try {
    v = JSON.parse(r.body);
  } catch {
    return ErrInvalidJSON;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return ErrInvalidJSON;
  const e = v as Record<string, unknown>;
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  const n = (x: unknown) => (typeof x === 'number' ? x : 0);
  return new EtcdError(n(e.errorCode), s(e.message), s(e.cause), n(e.index));
}

export class KeysAPI {
  constructor(private client: ClusterClient) {}

  private call(action: HttpAction, deadline?: number): Promise<Response | GoError> {
    return this.client.do(action, deadline, unmarshalKeysReply);
  }

  get(key: string, o: GetOptions, deadline?: number): Promise<Response | GoError> {
    return this.call(getAction(key, o), deadline);
  }

  set(key: string, value: string, o: SetOptions, deadline?: number): Promise<Response | GoError> {
    return this.call(setAction(key, value, o), deadline);
  }

  createInOrder(dir: string, value: string, ttl: number, deadline?: number): Promise<Response | GoError> {
    return this.call(createInOrderAction(dir, value, ttl), deadline);
  }

  delete(key: string, o: DeleteOptions, deadline?: number): Promise<Response | GoError> {
    return this.call(deleteAction(key, o), deadline);
  }

  /** KeysAPI.Watcher: waits after `afterIndex` (0: from now). */
  watcher(key: string, afterIndex: number, recursive: boolean): Watcher {
    return new Watcher(this.client, key, afterIndex > 0 ? afterIndex + 1 : 0, recursive);
  }
}

/** httpWatcher: each Next long-polls; an empty body (server closed the wait) just re-polls. */
export class Watcher {
  constructor(
    private client: ClusterClient,
    private key: string,
    private waitIndex: number,
    private recursive: boolean,
  ) {}

  async next(): Promise<Response | GoError> {
    for (;;) {
      const r = await this.client.do(waitAction(this.key, this.waitIndex, this.recursive));
      if (r instanceof GoError) return r;
      const resp = unmarshalKeysReply(r);
      if (resp === ErrEmptyBody) continue;
      if (resp instanceof GoError) return resp;
      this.waitIndex = (resp.node?.modifiedIndex ?? 0) + 1;
      return resp;
    }
  }
}
