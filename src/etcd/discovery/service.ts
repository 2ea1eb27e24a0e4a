import type { World } from '../../sim/world.ts';
import type { HttpRequest, HttpResponseWriter } from '../../sim/http.ts';
import type { DiscoveryView } from '../../snapshot.ts';
import { EtcdError } from '../keyspace/errors.ts';
import { newMemberStore } from '../keyspace/namespaces.ts';
import type { Store } from '../keyspace/store.ts';
import { applyRequest, type ApplyResult } from '../v2keys/apply.ts';
import { formValue, parseForm } from '../v2keys/go-form.ts';
import { handleKeys, type KeysServer } from '../v2keys/handler.ts';
import type { EtcdRequest } from '../v2keys/request.ts';

/** The public discovery service's name and a public address for it. */
export const DISCOVERY_HOST = 'discovery.etcd.io';
export const DISCOVERY_IP = '104.196.38.112';
export const DISCOVERY_BASE = `https://${DISCOVERY_HOST}`;
/** A machine in a VirtualBox VM reaching a service on the internet. */
const INTERNET_LINK = { latencyMs: 40, jitterMs: 6 };
const REGISTRY = '/_etcd/registry';
const TOKEN_RE = /^[a-f0-9]{32}$/;

/**
 * The etcd cluster behind discovery.etcd.io, as one member that applies at once: the service's
 * own consensus is not what anyone watches. Its indices start high, as a busy public etcd's do.
 */
class RegistryEtcd implements KeysServer {
  readonly store: Store = newMemberStore();
  readonly clusterId = '7d6f1e3a4c2b9e05';
  private raftIdx: number;

  constructor(private world: World) {
    const start = 3_000_000 + world.rng.int(0, 999_999);
    this.store.seedIndex(start);
    // The registry has held tokens for years: an unknown token misses at its own name.
    this.store.create(`/1${REGISTRY}`, true, '', false, { expireTime: 0 }, 0);
    this.raftIdx = start + 1_200_000 + world.rng.int(0, 99_999);
  }

  raftIndex(): number {
    return this.raftIdx;
  }

  raftTerm(): number {
    return 9;
  }

  now(): number {
    return this.world.now();
  }

  propose(req: EtcdRequest, done: (result: ApplyResult) => void): void {
    this.raftIdx++;
    done(applyRequest(this.store, req, this.world.now()));
  }
}

/**
 * discovery.etcd.io (coreos/discovery.etcd.io, 2016): `/new?size=N` mints a token and sets
 * `/_etcd/registry/<token>/_config/size`; `/<token>[/...]` is proxied to the backing etcd's
 * `/v2/keys/_etcd/registry/<token>[/...]`, so watches, `prevExist=false` and errors behave as
 * etcd's. Lives on the simulated internet: no partition between machines cuts it off.
 */
export class DiscoveryService {
  private readonly etcd: RegistryEtcd;
  private readonly tokens: string[] = [];
  private reachable = true;

  constructor(private readonly world: World) {
    this.etcd = new RegistryEtcd(world);
    world.net.addAddress(DISCOVERY_IP, DISCOVERY_HOST);
    world.net.addExternalHost(DISCOVERY_HOST, INTERNET_LINK);
    this.goOnline();
  }

  private goOnline(): void {
    this.world.net.setUp(DISCOVERY_HOST, true);
    this.world.http.listen(DISCOVERY_HOST, 443, (req, res) => this.serve(req, res));
    this.world.http.listen(DISCOVERY_HOST, 80, (req, res) => this.serve(req, res));
  }

  /**
   * Cuts the machines off the service (their DNS lookups fail) or gives it back: how a lesson
   * or test shows etcd retrying discovery. Tokens survive.
   */
  setReachable(reachable: boolean): void {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    if (reachable) this.goOnline();
    else this.world.net.setUp(DISCOVERY_HOST, false);
  }

  /** Mints a token as `GET /new?size=N` does and returns its URL. */
  newToken(size = 3): string {
    const token = this.world.rng.hex(32);
    this.etcd.propose(
      { Method: 'PUT', Path: `/1${REGISTRY}/${token}/_config/size`, Val: String(size), PrevExist: false } as EtcdRequest,
      () => undefined,
    );
    this.tokens.push(token);
    return `${DISCOVERY_BASE}/${token}`;
  }

  /** Every token minted, with its size and registrations (createdIndex order). */
  views(): DiscoveryView[] {
    return this.tokens.map((token) => this.view(token));
  }

  private view(token: string): DiscoveryView {
    const dir = this.etcd.store.get(`/1${REGISTRY}/${token}`, false, false, this.world.now());
    const sizeEv = this.etcd.store.get(`/1${REGISTRY}/${token}/_config/size`, false, false, this.world.now());
    const v: DiscoveryView = { token, url: `${DISCOVERY_BASE}/${token}`, registered: [] };
    if (!(sizeEv instanceof EtcdError)) {
      const n = Number(sizeEv.node.value);
      if (/^[+-]?\d+$/.test(sizeEv.node.value ?? '') && Number.isSafeInteger(n)) v.size = n;
    }
    if (dir instanceof EtcdError) return v;
    const nodes = [...(dir.node.nodes ?? [])].filter((n) => !n.dir).sort((a, b) => a.createdIndex - b.createdIndex);
    for (const n of nodes) {
      const value = n.value ?? '';
      const id = n.key.slice(n.key.lastIndexOf('/') + 1);
      // etcd 0.4 registers `<name>` = its peer URL, and claims `_state`.
      if (id === '_state') continue;
      if (!value.includes('=')) {
        v.registered.push({ id, name: id, peerURLs: value });
        continue;
      }
      const pairs = value.split(',');
      const name = pairs[0]?.split('=')[0] ?? '';
      v.registered.push({
        id: n.key.slice(n.key.lastIndexOf('/') + 1),
        name,
        peerURLs: pairs.map((p) => p.slice(p.indexOf('=') + 1)).join(','),
      });
    }
    return v;
  }

  // ---- HTTP (the service's gorilla/mux routes) -----------------------------------------

  private serve(req: HttpRequest, res: HttpResponseWriter): void {
    const p = req.path;
    if (p === '/new') return this.serveNew(req, res);
    if (p === '/') {
      // UNSURE: the home handler sent browsers to the discovery docs.
      const to = 'https://coreos.com/os/docs/latest/cluster-discovery.html';
      res.writeHead(301, [['Location', to], ['Content-Type', 'text/html; charset=utf-8']]);
      return res.end(req.method === 'GET' ? `<a href="${to}">Moved Permanently</a>.\n\n` : '');
    }
    const parts = p.split('/').slice(1);
    const token = parts[0] ?? '';
    if (TOKEN_RE.test(token) && this.routeAllows(parts, req.method)) {
      // token.go: path.Join("v2", "keys", "_etcd", "registry", r.URL.Path), query passed on.
      const rest = parts.slice(1).filter((s) => s !== '');
      const path = `/v2/keys${REGISTRY}/${[token, ...rest].join('/')}`;
      return handleKeys(this.etcd, { ...req, path }, res);
    }
    res.writeHead(404, [['Content-Type', 'text/plain; charset=utf-8']]);
    res.end('404 page not found\n');
  }

  /** `/{token}` and `/{token}/` take GET and PUT, `/{token}/{machine}` also DELETE, `_config/size` GET. */
  private routeAllows(parts: string[], method: string): boolean {
    if (parts.length === 1 || (parts.length === 2 && parts[1] === '')) return method === 'GET' || method === 'PUT';
    if (parts.length === 2) return method === 'GET' || method === 'PUT' || method === 'DELETE';
    return parts.length === 3 && parts[1] === '_config' && parts[2] === 'size' && method === 'GET';
  }

  /** handlers/new.go: size defaults to 3; strconv.Atoi's error (Go 1.6 wording) is a 400. */
  private serveNew(req: HttpRequest, res: HttpResponseWriter): void {
    const ctype = req.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const { form } = parseForm(req.method, req.query, req.body, ctype);
    const s = formValue(form, 'size');
    let size = 3;
    if (s !== '') {
      const n = atoi(s);
      if (typeof n === 'string') {
        res.writeHead(400, [['Content-Type', 'text/plain; charset=utf-8']]);
        return res.end(n + '\n');
      }
      size = n;
    }
    const url = this.newToken(size);
    res.writeHead(200, [['Content-Type', 'text/plain; charset=utf-8']]);
    res.end(url);
  }
}

/** strconv.Atoi on 64-bit Go 1.6: the number, or the error text. */
function atoi(s: string): number | string {
  const quoted = JSON.stringify(s);
  if (!/^[+-]?\d+$/.test(s)) return `strconv.ParseInt: parsing ${quoted}: invalid syntax`;
  const big = BigInt(s);
  if (big > 9223372036854775807n || big < -9223372036854775808n) return `strconv.ParseInt: parsing ${quoted}: value out of range`;
  return Number(big);
}
