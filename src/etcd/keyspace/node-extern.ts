import { WORLD_EPOCH_MS } from '../../sim/time.ts';
import { goJsonString } from './go-json.ts';

/**
 * A node as etcd shows it to clients (`store/node_extern.go`). Fields are in Go's struct order,
 * which is the JSON order: key, value, dir, expiration, ttl, nodes, modifiedIndex, createdIndex.
 * Objects of this type are shared (event history, watchers): treat them as immutable.
 */
export interface NodeExtern {
  key: string;
  /** Present (even empty) for keys, absent for directories. */
  value?: string;
  dir?: boolean;
  /** Expiration instant in virtual ms; absent for permanent nodes. */
  expiration?: number;
  /** Seconds left, rounded up, when the node was rendered (0 is omitted from JSON). */
  ttl?: number;
  nodes?: NodeExtern[];
  modifiedIndex: number;
  createdIndex: number;
}

/**
 * Go's string `<` (byte order of UTF-8, i.e. code point order). JS compares UTF-16 code units,
 * which differs only between surrogates and U+E000..U+FFFF: remap those before comparing.
 */
export function goStringCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

export function compareByKey(a: NodeExtern, b: NodeExtern): number {
  return goStringCompare(a.key, b.key);
}

/**
 * Go's RFC3339Nano of an expiration (virtual ms, sub-ms digits kept to the nanosecond). Like
 * src/sim/time.ts's rfc3339Nano, but exact: nanoseconds since 1970 exceed 2^53, so whole ms
 * and the sub-ms part are kept apart instead of multiplying the wall time by 1e6.
 */
export function expirationString(virtualMs: number): string {
  const whole = Math.floor(virtualMs);
  let subNs = Math.round((virtualMs - whole) * 1e6);
  let wall = WORLD_EPOCH_MS + whole;
  if (subNs >= 1e6) {
    wall += 1;
    subNs -= 1e6;
  }
  const sec = Math.floor(wall / 1000);
  const ns = (wall - sec * 1000) * 1e6 + subNs;
  const date = new Date(sec * 1000);
  if (Number.isNaN(date.getTime())) return '0001-01-01T00:00:00Z'; // out of range: Go's zero time
  const base = date.toISOString().slice(0, 19);
  if (ns === 0) return `${base}Z`;
  return `${base}.${String(ns).padStart(9, '0').replace(/0+$/, '')}Z`;
}

/**
 * JSON of a node with `trimPrefix` removed from every key (the HTTP layer trims the `/1`
 * keys namespace). Go's omitempty rules: empty key, false dir, zero ttl/indices and an empty
 * nodes list are left out.
 */
export function nodeExternJson(n: NodeExtern, trimPrefix = ''): string {
  let key = n.key;
  if (trimPrefix !== '' && key.startsWith(trimPrefix)) key = key.slice(trimPrefix.length);
  // Built as one string (every response has one or two nodes), one concatenation per field:
  // its name with the "," or "{" before it, then its value.
  let out = key !== '' ? '{"key":' + goJsonString(key) : '';
  if (n.value !== undefined) out += (out === '' ? '{"value":' : ',"value":') + goJsonString(n.value);
  if (n.dir) out += out === '' ? '{"dir":true' : ',"dir":true';
  if (n.expiration !== undefined) out += (out === '' ? '{"expiration":"' : ',"expiration":"') + expirationString(n.expiration) + '"';
  if (n.ttl) out += (out === '' ? '{"ttl":' : ',"ttl":') + n.ttl;
  if (n.nodes && n.nodes.length > 0) {
    out += (out === '' ? '{"nodes":[' : ',"nodes":[') + n.nodes.map((c) => nodeExternJson(c, trimPrefix)).join(',') + ']';
  }
  if (n.modifiedIndex) out += (out === '' ? '{"modifiedIndex":' : ',"modifiedIndex":') + n.modifiedIndex;
  if (n.createdIndex) out += (out === '' ? '{"createdIndex":' : ',"createdIndex":') + n.createdIndex;
  return out === '' ? '{}' : out + '}';
}
