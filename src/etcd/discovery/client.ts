import type { World } from '../../sim/world.ts';
import { header, httpCall, isCallError, parseURL } from '../http-call.ts';
import { goSeconds, type EtcdLog } from '../log.ts';
import { parseURLsMap } from '../urls-map.ts';

/** discovery/discovery.go's errors (etcd 2.3), by their text. */
export const ErrInvalidURL = 'discovery: invalid URL';
export const ErrBadSizeKey = 'discovery: size key is bad';
export const ErrSizeNotFound = 'discovery: size key not found';
export const ErrTokenNotFound = 'discovery: token not found';
export const ErrDuplicateID = 'discovery: found duplicate id';
export const ErrDuplicateName = 'discovery: found duplicate name';
export const ErrFullCluster = 'discovery: cluster is full';
export const ErrTooManyRetries = 'discovery: too many retries';
export const ErrBadDiscoveryEndpoint = 'discovery: bad discovery endpoint';

/** A failed discovery: the Go error's text. */
export interface DiscoveryFailure {
  failure: string;
}

interface KeyNode {
  key: string;
  value?: string;
  dir?: boolean;
  nodes?: KeyNode[];
  modifiedIndex: number;
  createdIndex: number;
}

type Answer =
  | { node: KeyNode; index: number }
  | { etcdErr: { errorCode: number; message: string; cause?: string; index: number } }
  /** client.ClusterError: every endpoint failed (its Detail() is logged, then a retry). */
  | { cluster: string }
  | { plain: string };

/** After this many retries the wait stops doubling (maxExpoentialRetries). */
const MAX_EXPONENTIAL_RETRIES = 8;
/** client.DefaultRequestTimeout. */
const REQUEST_TIMEOUT_MS = 5000;

export interface DiscoveryIO {
  world: World;
  /** The host etcd runs on. */
  from: string;
  log: EtcdLog;
  /** False once the process stopped: the flow goes quiet. */
  alive(): boolean;
  track(abort: () => void): void;
}

const base = (key: string) => key.slice(key.lastIndexOf('/') + 1);

/** url.Values.Encode for one value: QueryEscape. */
function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * The discovery client of etcd 2.3 (`discovery/discovery.go`): checkCluster's fast path,
 * createSelf with prevExist=false, waitNodes by watching, nodesToCluster, and the retries with
 * doubling waits (2s, 4s, ... 4m16s, then every 4m16s) while the service cannot be reached.
 */
export class DiscoveryClient {
  private retries = 0;
  private readonly base: string;
  private readonly cluster: string;
  /** The discovery URL without its path, as etcd prints it in retry lines. */
  private readonly shown: string;

  constructor(
    private readonly io: DiscoveryIO,
    durl: string,
    private readonly id: string,
  ) {
    const u = parseURL(durl);
    const port = u && u.port !== (u.scheme === 'https' ? 443 : 80) ? `:${u.port}` : '';
    this.base = u ? `${u.scheme}://${u.host}${port}` : durl;
    this.shown = this.base;
    this.cluster = u ? u.path.replace(/\/+$/, '') : '';
  }

  private selfKey(): string {
    return `${this.cluster}/${this.id}`;
  }

  /** JoinCluster: register, wait for `size` members, return `name=url,...` of the first `size`. */
  async join(config: string): Promise<string | DiscoveryFailure> {
    const first = await this.checkCluster();
    if ('failure' in first) return first;
    if ('full' in first) return { failure: ErrFullCluster };
    const self = await this.createSelf(config);
    if (self) return self;
    const c = await this.checkCluster();
    if ('failure' in c) return c;
    if ('full' in c) return { failure: ErrFullCluster };
    const all = await this.waitNodes(c.nodes, c.size, c.index);
    if ('failure' in all) return all;
    return nodesToCluster(all, c.size);
  }

  /** GetCluster (a proxy's view): the first `size` registrations, waiting for them if needed. */
  async get(): Promise<string | DiscoveryFailure> {
    const c = await this.checkCluster();
    if ('failure' in c) return c;
    if ('full' in c) return nodesToCluster(c.full, c.size);
    const all = await this.waitNodes(c.nodes, c.size, c.index);
    if ('failure' in all) return all;
    return nodesToCluster(all, c.size);
  }

  private async checkCluster(): Promise<{ nodes: KeyNode[]; size: number; index: number } | { full: KeyNode[]; size: number } | DiscoveryFailure> {
    const sizeAns = await this.request('GET', `${this.cluster}/_config/size`, 'quorum=false&recursive=false&sorted=false');
    if ('etcdErr' in sizeAns) {
      if (sizeAns.etcdErr.errorCode === 100) return { failure: ErrSizeNotFound };
      return { failure: clientErrorText(sizeAns.etcdErr) };
    }
    if ('cluster' in sizeAns) {
      this.io.log.error(sizeAns.cluster);
      return this.checkClusterRetry();
    }
    if ('plain' in sizeAns) return { failure: sizeAns.plain };
    const sizeText = sizeAns.node.value ?? '';
    if (!/^[+-]?\d+$/.test(sizeText)) return { failure: ErrBadSizeKey };
    const size = Number(sizeText);

    const dirAns = await this.request('GET', this.cluster, 'quorum=false&recursive=false&sorted=false');
    if ('cluster' in dirAns) {
      this.io.log.error(dirAns.cluster);
      return this.checkClusterRetry();
    }
    if ('etcdErr' in dirAns) return { failure: clientErrorText(dirAns.etcdErr) };
    if ('plain' in dirAns) return { failure: dirAns.plain };
    const nodes = (dirAns.node.nodes ?? []).filter((n) => base(n.key) !== '_config').sort((a, b) => a.createdIndex - b.createdIndex);
    for (let i = 0; i < nodes.length; i++) {
      if (base(nodes[i]!.key) === this.id) break;
      if (i >= size - 1) return { full: nodes.slice(0, size), size };
    }
    return { nodes, size, index: dirAns.index };
  }

  private async checkClusterRetry(): Promise<Awaited<ReturnType<DiscoveryClient['checkCluster']>>> {
    await this.backoff('cluster status check');
    return this.checkCluster();
  }

  private async backoff(step: string): Promise<void> {
    this.retries++;
    const secs = 2 ** Math.min(this.retries, MAX_EXPONENTIAL_RETRIES);
    this.io.log.info(`${step}: error connecting to ${this.shown}, retrying in ${goSeconds(secs)}`);
    await this.sleep(secs * 1000);
  }

  private async createSelf(config: string): Promise<DiscoveryFailure | undefined> {
    const ans = await this.request('PUT', this.selfKey(), 'prevExist=false', `value=${queryEscape(config)}`);
    if ('etcdErr' in ans) {
      if (ans.etcdErr.errorCode === 105) return { failure: ErrDuplicateID };
      return { failure: clientErrorText(ans.etcdErr) };
    }
    if ('cluster' in ans) return { failure: 'client: etcd cluster is unavailable or misconfigured' };
    if ('plain' in ans) return { failure: ans.plain };
    // "ensure self appears on the server we connected to"
    const w = await this.request('GET', this.selfKey(), `wait=true&waitIndex=${ans.node.createdIndex}`, undefined, true);
    if ('node' in w) return undefined;
    if ('etcdErr' in w) return { failure: clientErrorText(w.etcdErr) };
    return { failure: 'cluster' in w ? 'client: etcd cluster is unavailable or misconfigured' : w.plain };
  }

  private async waitNodes(nodes: KeyNode[], size: number, index: number): Promise<KeyNode[] | DiscoveryFailure> {
    if (nodes.length > size) nodes = nodes.slice(0, size);
    const all = [...nodes];
    for (const n of all) {
      if (base(n.key) === this.id) this.io.log.notice(`found self ${this.id} in the cluster`);
      else this.io.log.notice(`found peer ${base(n.key)} in the cluster`);
    }
    let after = index;
    while (all.length < size) {
      this.io.log.notice(`found ${all.length} peer(s), waiting for ${size - all.length} more`);
      const ans = await this.request('GET', this.cluster, `recursive=true&wait=true&waitIndex=${after + 1}`, undefined, true);
      if ('cluster' in ans) {
        this.io.log.error(ans.cluster);
        await this.backoff('waiting for other nodes');
        const c = await this.checkCluster();
        if ('failure' in c) return c;
        if ('full' in c) return { failure: ErrFullCluster };
        return this.waitNodes(c.nodes, c.size, c.index);
      }
      if ('etcdErr' in ans) return { failure: clientErrorText(ans.etcdErr) };
      if ('plain' in ans) return { failure: ans.plain };
      this.io.log.notice(`found peer ${base(ans.node.key)} in the cluster`);
      all.push(ans.node);
      after = ans.node.modifiedIndex;
    }
    this.io.log.notice(`found ${all.length} needed peer(s)`);
    return all;
  }

  // ---- the etcd client over the simulated network ---------------------------------------

  private sleep(ms: number): Promise<void> {
    const { world } = this.io;
    return new Promise((resolve) => {
      const id = world.clock.schedule(() => {
        if (this.io.alive()) world.wake(resolve);
      }, ms);
      this.io.track(() => world.clock.cancel(id));
    });
  }

  /** One keys request through client.httpClusterClient with a single endpoint. */
  private request(method: string, key: string, query: string, body?: string, watch = false): Promise<Answer> {
    const { world, from } = this.io;
    const headers: [string, string][] = body !== undefined ? [['Content-Type', 'application/x-www-form-urlencoded']] : [];
    return new Promise((resolve) => {
      const abort = httpCall(world, from, this.base + key, { method, query, body, headers, timeoutMs: watch ? 0 : REQUEST_TIMEOUT_MS }, (r) => {
        if (!this.io.alive()) return;
        let a: Answer;
        if (isCallError(r)) a = r.kind === 'timeout' ? { plain: r.error } : { cluster: `error #0: ${r.error}` };
        else if (r.status >= 500) a = { cluster: `error #0: client: etcd member ${this.base} returns server error [${statusText(r.status)}]` };
        else {
          let json: { node?: KeyNode; errorCode?: number; message?: string; cause?: string; index?: number };
          try {
            json = JSON.parse(r.body) as typeof json;
          } catch {
            json = {};
          }
          if (r.status === 200 || r.status === 201) {
            a = json.node ? { node: json.node, index: Number(header(r.headers, 'X-Etcd-Index') ?? 0) } : { plain: ErrBadDiscoveryEndpoint };
          } else if (typeof json.errorCode === 'number') {
            a = { etcdErr: { errorCode: json.errorCode, message: json.message ?? '', cause: json.cause, index: json.index ?? 0 } };
          } else a = { plain: ErrBadDiscoveryEndpoint };
        }
        world.wake(() => resolve(a));
      });
      this.io.track(abort);
    });
  }
}

function statusText(s: number): string {
  return ({ 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' } as Record<number, string>)[s] ?? String(s);
}

/** client.Error's text: `100: Key not found (/x) [12]`. */
function clientErrorText(e: { errorCode: number; message: string; cause?: string; index: number }): string {
  return `${e.errorCode}: ${e.message} (${e.cause ?? ''}) [${e.index}]`;
}

/** nodesToCluster: the registered values joined; the names must be `size` distinct ones. */
export function nodesToCluster(nodes: { value?: string }[], size: number): string | DiscoveryFailure {
  const s = nodes.map((n) => n.value ?? '').join(',');
  const m = parseURLsMap(s);
  if ('error' in m) return { failure: ErrInvalidURL };
  if (m.size !== size) return { failure: ErrDuplicateName };
  return s;
}
