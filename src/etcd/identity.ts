import { sha1 } from '@noble/hashes/legacy.js';

const enc = new TextEncoder();

function first8Hex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += bytes[i]!.toString(16).padStart(2, '0');
  return s;
}

/**
 * etcd's member ID: the first 8 bytes of SHA-1 over the sorted peer URLs joined, then the cluster
 * token (and, for members added at runtime, the time) — `etcdserver.NewMember`.
 * `--name default` with default flags gives ce2a822cea30bfca.
 */
export function memberId(peerURLs: readonly string[], clusterToken: string, addedAtUnixNano?: bigint): string {
  const s = [...peerURLs].sort().join('') + clusterToken;
  const bytes = enc.encode(s);
  let input = bytes;
  if (addedAtUnixNano !== undefined) {
    input = new Uint8Array(bytes.length + 8);
    input.set(bytes);
    new DataView(input.buffer).setBigUint64(bytes.length, addedAtUnixNano);
  }

  return idString(first8Hex(sha1(input)));
}

/** etcd's cluster ID: SHA-1 over the sorted member IDs as 8-byte big-endian words (`genID`). */
export function clusterId(memberIds: readonly string[]): string {
  const ids = [...memberIds].sort(compareIds);
  const buf = new Uint8Array(8 * ids.length);
  const view = new DataView(buf.buffer);
  ids.forEach((id, i) => view.setBigUint64(8 * i, BigInt('0x' + id)));
  return idString(first8Hex(sha1(buf)));
}

/** Go's `types.ID.String()`: hex without leading zeros. */
export function idString(id: string): string {
  return id.replace(/^0+(?=.)/, '');
}

/**
 * Orders member IDs (hex) numerically, as etcd sorts them: without leading zeros, fewer digits
 * is smaller and equal lengths compare digit by digit. (Not through BigInt: every members list
 * is sorted, and parsing both IDs per comparison was most of a reboot's log line.)
 */
export function compareIds(a: string, b: string): number {
  const x = hexDigits(a);
  const y = hexDigits(b);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function hexDigits(id: string): string {
  let i = 0;
  while (i < id.length - 1 && id.charCodeAt(i) === 48) i++;
  return id.slice(i).toLowerCase();
}
