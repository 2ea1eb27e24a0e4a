import {
  EcodeIndexNaN,
  EcodeInvalidField,
  EcodeInvalidForm,
  EcodePrevValueRequired,
  EcodeRefreshTTLRequired,
  EcodeRefreshValue,
  EcodeTTLNaN,
  EtcdError,
} from '../keyspace/errors.ts';
import { STORE_KEYS_PREFIX } from '../keyspace/namespaces.ts';
import { clean } from '../keyspace/paths.ts';
import { WORLD_EPOCH_MS } from '../../sim/time.ts';
import { formValue, parseBool, parseForm, parseUint64, type FormValues } from './go-form.ts';

/**
 * A keys request as it travels through Raft: etcd's `etcdserverpb.Request`. Field names follow
 * the Go struct. Times are virtual ms.
 */
export interface EtcdRequest {
  /** Request id, assigned by the member that proposes it (etcd: reqIDGen). */
  ID?: string;
  /** GET, PUT, POST, DELETE, HEAD; QGET (quorum GET through Raft); SYNC (expire TTL keys). */
  Method: string;
  /** Store path, e.g. `/1/message` (keys live under `/1`, cluster metadata under `/0`). */
  Path: string;
  Val: string;
  Dir: boolean;
  PrevValue: string;
  PrevIndex: number;
  /** Tri-state: undefined when the client did not send prevExist. */
  PrevExist?: boolean;
  /** Expiration in virtual ms; 0 = no TTL. */
  Expiration: number;
  Wait: boolean;
  Since: number;
  Recursive: boolean;
  Sorted: boolean;
  Quorum: boolean;
  /** SYNC: the leader's clock when it proposed the entry (virtual ms). */
  Time: number;
  Stream: boolean;
  /** Tri-state like PrevExist. */
  Refresh?: boolean;
}

/** Fills the fields a caller left out (internal requests are often written partially). */
export function newRequest(r: Partial<EtcdRequest> & { Method: string; Path: string }): EtcdRequest {
  return {
    Val: '',
    Dir: false,
    PrevValue: '',
    PrevIndex: 0,
    Expiration: 0,
    Wait: false,
    Since: 0,
    Recursive: false,
    Sorted: false,
    Quorum: false,
    Time: 0,
    Stream: false,
    ...r,
  };
}

/** etcd's request-parsing errors carry index 0. */
const requestError = (code: number, cause: string) => new EtcdError(code, cause, 0);

/**
 * etcd's `parseKeyRequest` (etcdhttp/client.go, v2.3.7): the form (urlencoded body for
 * POST/PUT, then the query string; the first value of a field counts) becomes an
 * EtcdRequest, or the first validation error (codes 2xx, index 0), checked in etcd's order.
 *
 * `keyPath` is the decoded URL path after `/v2/keys` (e.g. `/foo`, `/`, or ``).
 * A TTL gives `Expiration = now + ttl s`.
 */
export function parseKeyRequest(
  method: string,
  keyPath: string,
  rawQuery: string,
  body: string,
  contentType: string | undefined,
  now: number,
): EtcdRequest | EtcdError {
  const { form, error } = parseForm(method, rawQuery, body, contentType);
  if (error) return requestError(EcodeInvalidForm, error.message);
  const path = storePath(keyPath);

  const prevIndex = getUint64(form, 'prevIndex');
  if (prevIndex === undefined) return requestError(EcodeIndexNaN, 'invalid value for "prevIndex"');
  const waitIndex = getUint64(form, 'waitIndex');
  if (waitIndex === undefined) return requestError(EcodeIndexNaN, 'invalid value for "waitIndex"');

  const bools: boolean[] = [];
  for (const name of BOOL_FIELDS) {
    const b = getBool(form, name);
    if (b === undefined) return requestError(EcodeInvalidField, `invalid value for "${name}"`);
    bools.push(b);
  }
  const [recursive, sorted, wait, dir, quorum, stream] = bools as [boolean, boolean, boolean, boolean, boolean, boolean];
  if (wait && method !== 'GET') {
    return requestError(EcodeInvalidField, '"wait" can only be used with GET requests');
  }

  const prevValue = formValue(form, 'prevValue');
  if (form.has('prevValue') && prevValue === '') {
    return requestError(EcodePrevValueRequired, '"prevValue" cannot be empty');
  }

  // An empty ttl is no TTL (this is how `ttl=` removes one).
  let ttl: number | undefined;
  if (formValue(form, 'ttl').length > 0) {
    ttl = parseUint64(formValue(form, 'ttl'));
    if (ttl === undefined) return requestError(EcodeTTLNaN, 'invalid value for "ttl"');
  }

  let prevExist: boolean | undefined;
  if (form.has('prevExist')) {
    prevExist = parseBool(formValue(form, 'prevExist'));
    if (prevExist === undefined) return requestError(EcodeInvalidField, 'invalid value for prevExist');
  }

  let refresh: boolean | undefined;
  if (form.has('refresh')) {
    refresh = parseBool(formValue(form, 'refresh'));
    if (refresh === undefined) return requestError(EcodeInvalidField, 'invalid value for refresh');
    if (refresh) {
      if (form.has('value') && formValue(form, 'value') !== '') {
        return requestError(EcodeRefreshValue, 'A value was provided on a refresh');
      }
      if (ttl === undefined) return requestError(EcodeRefreshTTLRequired, 'No TTL value set');
    }
  }

  const r: EtcdRequest = {
    Method: method,
    Path: path,
    Val: formValue(form, 'value'),
    Dir: dir,
    PrevValue: prevValue,
    PrevIndex: prevIndex,
    Expiration: ttl === undefined ? 0 : expirationOf(now, ttl),
    Wait: wait,
    Since: waitIndex,
    Recursive: recursive,
    Sorted: sorted,
    Quorum: quorum,
    Time: 0,
    Stream: stream,
  };
  if (prevExist !== undefined) r.PrevExist = prevExist;
  if (refresh !== undefined) r.Refresh = refresh;
  return r;
}

/** The boolean fields, in the order etcd checks them. */
const BOOL_FIELDS = ['recursive', 'sorted', 'wait', 'dir', 'quorum', 'stream'] as const;

/**
 * `path.Join(StoreKeysPrefix, keyPath)`. A rooted keyPath (always, from the router) is appended
 * as it is: `/1` + `/foo` is already clean, where the general join's `/1//foo` never is.
 */
function storePath(keyPath: string): string {
  if (keyPath === '') return STORE_KEYS_PREFIX;
  return clean(keyPath.charCodeAt(0) === 47 ? STORE_KEYS_PREFIX + keyPath : STORE_KEYS_PREFIX + '/' + keyPath);
}

/** getUint64: 0 when absent, undefined when malformed. */
function getUint64(form: FormValues, key: string): number | undefined {
  const v = form.get(key);
  return v ? parseUint64(v[0]!) : 0;
}

/** getBool: false when absent, undefined when malformed (an empty value is malformed). */
function getBool(form: FormValues, key: string): boolean | undefined {
  const v = form.get(key);
  return v ? parseBool(v[0]!) : false;
}

/**
 * `clock.Now().Add(ttl * time.Second).UnixNano()`. Beyond ~246 years the Go arithmetic
 * overflows int64 nanoseconds; reproduce the wrap-around (the result lands before 2000, which
 * the store then treats as "no TTL") instead of producing an unprintable date.
 */
function expirationOf(now: number, ttlSeconds: number): number {
  if (ttlSeconds <= 1e9) return now + ttlSeconds * 1000;
  const nowNs = BigInt(Math.round((WORLD_EPOCH_MS + now) * 1e6));
  const d = BigInt.asIntN(64, BigInt(ttlSeconds) * 1_000_000_000n);
  const ns = BigInt.asIntN(64, nowNs + d);
  return Number(ns) / 1e6 - WORLD_EPOCH_MS;
}
