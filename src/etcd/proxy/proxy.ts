import type { World } from '../../sim/world.ts';
import type { Headers, HttpRequest, HttpResponseWriter } from '../../sim/http.ts';
import { refuseUnparsableRequest } from '../go-http-error.ts';
import { parseURL } from '../http-call.ts';
import type { EtcdLog } from '../log.ts';
import { getClusterFromRemotePeers } from '../remote-cluster.ts';
import { etcdHttpExtras } from '../../lazy-modules.ts';

/** etcd 2.3 proxy defaults: --proxy-refresh-interval 30000, --proxy-failure-wait 5000, --proxy-dial-timeout 1000. */
export const PROXY_REFRESH_MS = 30_000;
const EMPTY_REFRESH_MS = 1000;
const FAILURE_WAIT_MS = 5000;
const DIAL_TIMEOUT_MS = 1000;


interface Endpoint {
  url: string;
  host: string;
  port: number;
  /** Virtual ms until which the endpoint is skipped after a failure. */
  failedUntil: number;
}

export interface ProxyDeps {
  world: World;
  hostName: string;
  log: EtcdLog;
  readonly: boolean;
  clientPorts: number[];
  listenClientURLs: string[];
  /** Registers something to undo when the process stops. */
  track(undo: () => void): void;
  /** The proxy learned new peer URLs: its data dir's `proxy/cluster` file changes. */
  savePeerURLs(urls: string[]): void;
  /** The proxy serves its client ports (etcd then tells systemd READY=1). */
  serving(): void;
}

/**
 * etcd 2.3's proxy mode (etcdmain startProxy + proxy/{director,reverse}.go): no raft, no data;
 * it learns the members' client URLs from their peer URLs (`GET /members`), refreshes them
 * every 30 s (every second while it knows none), and forwards every client request to the
 * first endpoint that answers, skipping a failed one for 5 s.
 */
export class EtcdProxy {
  private endpoints: Endpoint[] = [];
  private listening = false;
  private stopped = false;

  constructor(
    private readonly d: ProxyDeps,
    private peerURLs: string[],
  ) {}

  get peers(): readonly string[] {
    return this.peerURLs;
  }

  /** Client URLs currently in use, for tests and the inspector. */
  clientURLs(): string[] {
    return this.endpoints.map((e) => e.url);
  }

  start(): void {
    // newDirector refreshes once before the listeners serve.
    this.refresh(() => {
      this.listen();
      this.scheduleRefresh();
    });
  }

  stop(): void {
    this.stopped = true;
  }

  private listen(): void {
    if (this.listening || this.stopped) return;
    this.listening = true;
    const { world, hostName, log } = this.d;
    for (const u of this.d.listenClientURLs) log.info(`proxy: listening for client requests on ${u}`);
    for (const port of this.d.clientPorts) {
      this.d.track(world.http.listen(hostName, port, (req, res) => this.serve(req, res)));
    }
    this.d.serving();
  }

  private scheduleRefresh(): void {
    if (this.stopped) return;
    const ms = this.endpoints.length === 0 ? EMPTY_REFRESH_MS : PROXY_REFRESH_MS;
    const id = this.d.world.clock.schedule(() => this.refresh(() => this.scheduleRefresh()), ms);
    this.d.track(() => this.d.world.clock.cancel(id));
  }

  /** director.refresh with etcdmain's update function `uf`. */
  private refresh(then: () => void): void {
    const { world, hostName, log } = this.d;
    getClusterFromRemotePeers(world, hostName, this.peerURLs, log, (a) => this.d.track(a), (r) => {
      if (this.stopped) return;
      let urls: string[];
      if ('error' in r) {
        log.warning(`proxy: ${r.error}`);
        urls = [];
      } else if (r.members.length === 0) {
        urls = this.endpoints.map((e) => e.url);
      } else {
        // cluster.ClientURLs() and PeerURLs() come sorted.
        urls = r.members.flatMap((m) => m.clientURLs).sort();
        const peers = r.members.flatMap((m) => m.peerURLs).sort();
        if (peers.join(' ') !== this.peerURLs.join(' ')) {
          log.notice(`proxy: updated peer urls in cluster file from [${this.peerURLs.join(' ')}] to [${peers.join(' ')}]`);
        }
        this.peerURLs = peers;
        this.d.savePeerURLs(peers);
      }
      const eps: Endpoint[] = [];
      for (const u of urls) {
        const p = parseURL(u);
        if (p) eps.push({ url: u, host: p.host, port: p.port, failedUntil: 0 });
      }
      // "shuffle array to avoid connections being stuck to a single endpoint"
      for (let i = 0; i < eps.length; i++) {
        const j = world.rng.int(0, i);
        [eps[i], eps[j]] = [eps[j]!, eps[i]!];
      }
      this.endpoints = eps;
      then();
    });
  }

  private available(): Endpoint[] {
    const now = this.d.world.now();
    return this.endpoints.filter((e) => e.failedUntil <= now);
  }

  private serve(req: HttpRequest, res: HttpResponseWriter): void {
    if (refuseUnparsableRequest(req.path, res)) return;
    if (this.d.readonly && req.method !== 'GET') {
      res.writeHead(501, []);
      return res.end();
    }
    const eps = this.available();
    const { log, world, hostName } = this.d;
    if (eps.length === 0) {
      log.info('proxy: zero endpoints currently available');
      return jsonError(res, 503, 'proxy: zero endpoints currently available');
    }
    let closed = false;
    let abort: (() => void) | undefined;
    req.onClose(() => {
      closed = true;
      abort?.();
    });
    const { SINGLE_HOP } = etcdHttpExtras();
    const headers = req.headers.filter(([k]) => !SINGLE_HOP.has(k.toLowerCase()));
    const attempt = (i: number) => {
      if (closed || this.stopped) return;
      if (i >= eps.length) {
        const msg = `proxy: unable to get response from ${eps.length} endpoint(s)`;
        log.info(msg);
        return jsonError(res, 502, msg);
      }
      const ep = eps[i]!;
      let connected = false;
      let answered = false;
      const relay = new (etcdHttpExtras().ResponseRelay)(res, req.method, world.clock);
      const fail = (why: string) => {
        if (answered) return;
        answered = true;
        log.info(`proxy: failed to direct request to ${ep.url}: ${why}`);
        ep.failedUntil = world.now() + FAILURE_WAIT_MS;
        attempt(i + 1);
      };
      const conn = world.http.request(
        hostName,
        { address: ep.host, port: ep.port },
        { method: req.method, path: req.path, query: req.query, headers, body: req.body },
        {
          onConnect: () => (connected = true),
          onHead: (status, hs, how) => {
            connected = true;
            answered = true;
            relay.onHead(status, hs, how);
          },
          onData: (c) => relay.onData(c),
          onEnd: () => {
            answered = true;
            relay.onEnd();
          },
          // The member stopped: before its answer the request goes to the next one; during it,
          // the body copy ends and so does the proxy's response.
          onServerClose: (gotHead) => (gotHead ? relay.onEnd() : fail('EOF')),
          onError: (code) => {
            const addr = `${ep.host}:${ep.port}`;
            fail(code === 'ECONNREFUSED' ? `dial tcp ${addr}: getsockopt: connection refused` : `dial tcp ${addr}: getsockopt: no route to host`);
          },
        },
      );
      abort = () => conn.abort();
      world.clock.schedule(() => {
        if (connected || answered || this.stopped) return;
        conn.abort();
        fail(`dial tcp ${ep.host}:${ep.port}: i/o timeout`);
      }, DIAL_TIMEOUT_MS);
    };
    attempt(0);
  }
}

/** httptypes.HTTPError.WriteTo: JSON, no newline. */
function jsonError(res: HttpResponseWriter, status: number, msg: string): void {
  res.writeHead(status, [['Content-Type', 'application/json']]);
  res.end(JSON.stringify({ message: msg }));
}
