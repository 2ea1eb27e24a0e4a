import { httpCall, isCallError, parseURL, type CallResult } from '../http-call.ts';
import type { DiscoveryIO } from '../discovery/client.ts';

/** discovery/discovery.go (0.4.9): registrations live a week and are refreshed every TTL/8 (21 h). */
export const DISCOVERY_TTL_S = 604_800;
const HEARTBEAT_MS = (DISCOVERY_TTL_S / 8) * 1000;
const STATE_KEY = '_state';
const STARTED = 'started';
/** go-etcd's request timeout. UNSURE: its default per-request deadline. */
const REQUEST_TIMEOUT_MS = 5000;
/** go-etcd's error when no endpoint answers (seen in coreos/discovery.etcd.io#34). */
const UNREACHABLE = '501: All the given peers are not reachable (Tried to connect to each peer twice and failed) [0]';

interface Node {
  key: string;
  value?: string;
  dir?: boolean;
}

type Answer = { node: Node; nodes?: Node[] } | { error: string; code?: number };

/** Go's url.QueryEscape. */
const qe = (s: string) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/**
 * etcd 0.4's discoverer: registers `<prefix>/<name>` = peer URL (TTL one week, refreshed every
 * 21 h while etcd runs), then tries to create `<prefix>/_state` = started: whoever creates it
 * starts the cluster alone; everyone else gets the registered values back and joins through
 * them. No size: beyond the cluster's active size (9) machines would become standbys.
 * Against discovery.etcd.io the path is `/<token>`, stored as `/_etcd/registry/<token>/<name>`.
 */
export class Discoverer04 {
  private readonly base: string;
  private readonly prefix: string;
  /** go-etcd's key prefix: `/v2/keys` unless the discovery URL's path does not start with it. */
  private readonly keyPrefix: string;

  constructor(
    private readonly io: DiscoveryIO,
    durl: string,
    private readonly name: string,
    private readonly peerURL: string,
  ) {
    const u = parseURL(durl);
    const defPort = u?.scheme === 'https' ? 443 : 80;
    this.base = u ? `${u.scheme}://${u.host}${u.port !== defPort ? `:${u.port}` : ''}` : durl;
    const path = u?.path ?? '';
    this.prefix = path.startsWith('/v2/keys/') ? path.slice('/v2/keys/'.length) : path;
    this.keyPrefix = path.startsWith('/v2/keys') ? '/v2/keys' : '';
  }

  /** Discoverer.Do: the peers' registered values ([] = this machine starts the cluster), or the error. */
  async run(): Promise<{ peers: string[] } | { error: string }> {
    this.io.log.info(`Discovery via ${this.base} using prefix ${this.prefix}.`);
    const hb = await this.heartbeat();
    if (hb) return { error: hb };
    this.scheduleHeartbeat();
    const created = await this.request('PUT', STATE_KEY, 'prevExist=false', `value=${STARTED}`);
    if ('error' in created && created.code !== 105) return { error: created.error };
    if ('node' in created && created.node.value === STARTED) {
      this.io.log.info('Discovery _state was empty, so this machine is the initial leader.');
      return { peers: [] };
    }
    return this.findPeers();
  }

  private async findPeers(): Promise<{ peers: string[] } | { error: string }> {
    const r = await this.request('GET', '', 'recursive=true&sorted=false');
    if ('error' in r) return { error: r.error };
    // Only its own entry is skipped: `_state` ("started") and `_config` ("") come along.
    const peers = (r.nodes ?? []).filter((n) => !n.key.endsWith(`/${this.name}`)).map((n) => n.value ?? '');
    if (peers.length === 0) return { error: 'Discovery found an initialized cluster but no reachable peers are registered.' };
    this.io.log.info(`Discovery found peers [${peers.join(' ')}]`);
    return { peers };
  }

  private async heartbeat(): Promise<string | undefined> {
    const r = await this.request('PUT', this.name, '', `ttl=${DISCOVERY_TTL_S}&value=${qe(this.peerURL)}`);
    return 'error' in r ? r.error : undefined;
  }

  private scheduleHeartbeat(): void {
    const { world } = this.io;
    const id = world.clock.schedule(() => {
      if (!this.io.alive()) return;
      void this.heartbeat().then((err) => {
        if (err && this.io.alive()) this.io.log.warning(`Discovery heartbeat failed: ${err}`);
      });
      this.scheduleHeartbeat();
    }, HEARTBEAT_MS);
    this.io.track(() => world.clock.cancel(id));
  }

  private request(method: string, key: string, query: string, body?: string): Promise<Answer> {
    const { world, from } = this.io;
    const path = `${this.keyPrefix}${this.prefix.startsWith('/') ? '' : '/'}${this.prefix}${key ? `/${key}` : ''}`;
    const headers: [string, string][] = body !== undefined ? [['Content-Type', 'application/x-www-form-urlencoded']] : [];
    return new Promise((resolve) => {
      const abort = httpCall(world, from, this.base + path, { method, query, body, headers, timeoutMs: REQUEST_TIMEOUT_MS }, (r: CallResult) => {
        if (!this.io.alive()) return;
        world.wake(() => resolve(answer(r)));
      });
      this.io.track(abort);
    });
  }
}

function answer(r: CallResult): Answer {
  if (isCallError(r) || r.status >= 500) return { error: UNREACHABLE };
  let json: { node?: Node & { nodes?: Node[] }; errorCode?: number; message?: string; cause?: string; index?: number };
  try {
    json = JSON.parse(r.body) as typeof json;
  } catch {
    return { error: `invalid character '${r.body.trimStart()[0] ?? ''}' looking for beginning of value` };
  }
  if (typeof json.errorCode === 'number') {
    // go-etcd's EtcdError.Error().
    return { error: `${json.errorCode}: ${json.message ?? ''} (${json.cause ?? ''}) [${json.index ?? 0}]`, code: json.errorCode };
  }
  return json.node ? { node: json.node, nodes: json.node.nodes } : { error: 'unexpected end of JSON input' };
}
