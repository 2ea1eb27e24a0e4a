import { goJsonString } from '../../../../etcd/keyspace/go-json.ts';

/**
 * client.Node and client.Response (client/keys.go @v2.3.7): what the server's JSON decodes into,
 * and how etcdctl's `-o json` marshals it back (Go struct field order, `nodes:null`,
 * `prevNode:null`, createdIndex before modifiedIndex, `value` always present).
 */
export interface Node {
  key: string;
  dir: boolean;
  value: string;
  nodes: Node[] | null;
  createdIndex: number;
  modifiedIndex: number;
  /** RFC 3339 text as the server sent it (a *time.Time round-trips to the same text). */
  expiration?: string;
  ttl: number;
}

export interface Response {
  action: string;
  node: Node | null;
  prevNode: Node | null;
  /** X-Etcd-Index of the reply (json:"-"). */
  index: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * Decodes a node. Children come back sorted by key: a real etcd lists a directory in Go map
 * order (random) unless asked to sort; the playground always sorts so runs are reproducible.
 */
export function decodeNode(v: unknown): Node | null {
  if (!isObj(v)) return null;
  const nodes = Array.isArray(v.nodes)
    ? v.nodes.map(decodeNode).filter((n): n is Node => n !== null).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    : null;
  return {
    key: str(v.key),
    dir: v.dir === true,
    value: str(v.value),
    nodes,
    createdIndex: num(v.createdIndex),
    modifiedIndex: num(v.modifiedIndex),
    expiration: typeof v.expiration === 'string' ? v.expiration : undefined,
    ttl: num(v.ttl),
  };
}

export function decodeResponse(body: string, index: number): Response | undefined {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObj(v)) return undefined;
  return { action: str(v.action), node: decodeNode(v.node), prevNode: decodeNode(v.prevNode), index };
}

export function marshalNode(n: Node | null): string {
  if (n === null) return 'null';
  let s = `{"key":${goJsonString(n.key)}`;
  if (n.dir) s += ',"dir":true';
  s += `,"value":${goJsonString(n.value)}`;
  s += `,"nodes":${n.nodes === null ? 'null' : `[${n.nodes.map(marshalNode).join(',')}]`}`;
  s += `,"createdIndex":${n.createdIndex},"modifiedIndex":${n.modifiedIndex}`;
  if (n.expiration !== undefined) s += `,"expiration":${goJsonString(n.expiration)}`;
  if (n.ttl !== 0) s += `,"ttl":${n.ttl}`;
  return s + '}';
}

export function marshalResponse(r: Response): string {
  return `{"action":${goJsonString(r.action)},"node":${marshalNode(r.node)},"prevNode":${marshalNode(r.prevNode)}}`;
}
