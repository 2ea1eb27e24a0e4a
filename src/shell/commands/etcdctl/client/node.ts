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

/**
 * Decodes a node. Children come back sorted by key: a real etcd lists a directory in Go map
 * order (random) unless asked to sort; the playground always sorts so runs are reproducible.
 */
export function decodeNode(v: unknown): Node | null {
  if (!isObj(v)) return null;
  // The checks written out, not called: every reply decodes a node or two.
  const { key, value, createdIndex, modifiedIndex, expiration, ttl } = v;
  const nodes = Array.isArray(v.nodes)
    ? v.nodes.map(decodeNode).filter((n): n is Node => n !== null).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    : null;
  return {
    key: typeof key === 'string' ? key : '',
    dir: v.dir === true,
    value: typeof value === 'string' ? value : '',
    nodes,
    createdIndex: typeof createdIndex === 'number' ? createdIndex : 0,
    modifiedIndex: typeof modifiedIndex === 'number' ? modifiedIndex : 0,
    expiration: typeof expiration === 'string' ? expiration : undefined,
    ttl: typeof ttl === 'number' ? ttl : 0,
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
  const action = v.action;
  return { action: typeof action === 'string' ? action : '', node: decodeNode(v.node), prevNode: decodeNode(v.prevNode), index };
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
