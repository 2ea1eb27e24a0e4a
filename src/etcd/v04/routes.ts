import type { Headers, HttpRequest, HttpResponseWriter } from '../../sim/http.ts';
import type { EtcdConfig } from '../config.ts';
import type { Membership } from '../membership.ts';
import type { FollowerStats, SelfStats } from '../stats.ts';
import { EcodeLeaderElect, EcodeRaftInternal, EtcdError } from '../keyspace/errors.ts';
import { routeKeys } from '../v2keys/router.ts';
import type { KeysServer } from '../v2keys/handler.ts';
import { formValue, parseForm } from '../v2keys/go-form.ts';
import { goDuration, goJsonFloat } from '../../sim/go-format.ts';
import { rfc3339Nano } from '../../sim/time.ts';
import { ETCD04_VERSION } from './log.ts';

/** What the 0.4 client API needs from the member serving it (EtcdServer is one). */
export interface Server04 extends KeysServer {
  readonly config: EtcdConfig;
  readonly membership: Membership;
  readonly id: string;
  readonly selfStats: SelfStats | undefined;
  readonly followerStats: Map<string, FollowerStats>;
  leader(): string | undefined;
  isLeader(): boolean;
}

const TEXT: [string, string] = ['Content-Type', 'text/plain; charset=utf-8'];
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];

/** gorilla/mux's NotFoundHandler (0.4's mux has no 405: a wrong method is not found either). */
function notFound(res: HttpResponseWriter): void {
  res.writeHead(404, [TEXT]);
  res.end('404 page not found\n');
}

/** error.Error.Write (0.4): X-Etcd-Index, 404/403/412, 500 for 3xx codes, else 400; JSON + "\n". */
function writeError(res: HttpResponseWriter, e: EtcdError): void {
  const c = e.errorCode;
  const status = c === 100 ? 404 : c === 102 || c === 108 ? 403 : c === 101 || c === 105 ? 412 : Math.floor(c / 100) === 3 ? 500 : 400;
  res.writeHead(status, [JSON_TYPE, ['X-Etcd-Index', String(e.index)]]);
  res.end(e.toJson() + '\n');
}

/** pkg/http.Redirect: 307 to the same path and query on `base`; Go 1.3 adds a note to a GET only. */
function redirect(base: string, req: HttpRequest, res: HttpResponseWriter): void {
  const to = base.replace(/\/+$/, '') + req.path + (req.query !== '' ? `?${req.query}` : '');
  if (req.method === 'GET') {
    res.writeHead(307, [['Location', to], ['Content-Type', 'text/html; charset=utf-8']]);
    return res.end(`<a href="${to.replace(/&/g, '&amp;').replace(/"/g, '&#34;')}">Temporary Redirect</a>.\n\n`);
  }
  res.writeHead(307, [['Location', to]]);
  res.end();
}

/** A member's etcd name by raft ID ('' when unknown). */
function nameOf(s: Server04, id: string | undefined): string {
  return id === undefined ? '' : (s.membership.members.get(id)?.name ?? '');
}

/** Registry.ClientURLs / PeerURLs: the leader's first, then every other machine. */
function urls(s: Server04, pick: (m: { clientURLs: string[]; peerURLs: string[] }) => string | undefined): string[] {
  const lead = s.leader();
  const ms = [...s.membership.members.values()];
  const first = ms.filter((m) => m.id === lead);
  return [...first, ...ms.filter((m) => m.id !== lead)].map(pick).filter((u): u is string => !!u);
}

/**
 * The 0.4 keys API is 2.3's handler with 0.4's manners: no X-Etcd-Cluster-Id, bodies from
 * json.Marshal (no trailing newline, errors keep theirs), and writes (and quorum or consistent
 * reads) served by the leader only: a follower redirects them (307) to the leader's client URL,
 * which is why 0.4's docs say `curl -L`.
 */
function keys(s: Server04, req: HttpRequest, res: HttpResponseWriter): void {
  const ctype = req.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const { form } = parseForm(req.method, req.query, req.body, ctype);
  const write = req.method === 'PUT' || req.method === 'POST' || req.method === 'DELETE' || (req.method === 'GET' && formValue(form, 'quorum') === 'true');
  const consistent = req.method === 'GET' && formValue(form, 'consistent') === 'true';
  if ((write || consistent) && !s.isLeader()) {
    const lead = s.membership.members.get(s.leader() ?? '');
    if (lead?.clientURLs[0]) return redirect(lead.clientURLs[0], req, res);
    if (write) return writeError(res, new EtcdError(EcodeRaftInternal, '', s.store.index()));
  }
  let ok = false;
  const strip = (c: string) => (ok && c.endsWith('\n') ? c.slice(0, -1) : c);
  routeKeys(s, req, {
    writeHead: (status: number, headers: Headers) => {
      ok = status < 300;
      res.writeHead(status, headers.filter(([k]) => k !== 'X-Etcd-Cluster-Id'));
    },
    write: (c: string) => res.write(strip(c)),
    end: (c?: string) => res.end(c === undefined ? c : strip(c)),
    writeRawHead: (status: number, headers?: Headers) => res.writeRawHead(status, headers),
    // 0.4.5 also flushes a watch's headers at once (CHANGELOG: #877).
    flush: () => res.flush(),
    get finished() {
      return res.finished;
    },
  });
}

/** raftServerStats as 0.4 marshals it: names, goraft states, rates only when non-zero. */
function selfStatsJson(s: Server04): string {
  const st = s.selfStats!;
  const now = s.now();
  const leader = s.isLeader() ? s.config.name : nameOf(s, s.leader());
  const rates = st.rates(now);
  const parts = [
    `"name":${JSON.stringify(s.config.name)}`,
    `"state":"${s.isLeader() ? 'leader' : 'follower'}"`,
    `"startTime":"${rfc3339Nano(st.startedAt)}"`,
    `"leaderInfo":{"leader":${JSON.stringify(leader)},"uptime":"${goDuration(now - st.leaderSince)}","startTime":"${rfc3339Nano(st.leaderSince)}"}`,
    `"recvAppendRequestCnt":${st.recvAppendRequestCnt}`,
  ];
  if (rates.recv > 0) parts.push(`"recvPkgRate":${goJsonFloat(rates.recv)}`, `"recvBandwidthRate":${goJsonFloat(rates.recv * 90)}`);
  parts.push(`"sendAppendRequestCnt":${st.sendAppendRequestCnt}`);
  if (rates.send > 0) parts.push(`"sendPkgRate":${goJsonFloat(rates.send)}`, `"sendBandwidthRate":${goJsonFloat(rates.send * 90)}`);
  return `{${parts.join(',')}}`;
}

const EMPTY_FOLLOWER =
  '{"latency":{"current":0,"average":0,"standardDeviation":0,"minimum":0,"maximum":0},"counts":{"fail":0,"success":0}}';

/** raftFollowersStats: followers by name (json.Marshal sorts map keys). */
function leaderStatsJson(s: Server04): string {
  const fs = [...s.membership.members.values()]
    .filter((m) => m.id !== s.id)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((m) => `${JSON.stringify(m.name)}:${s.followerStats.get(m.id)?.json() ?? EMPTY_FOLLOWER}`);
  return `{"leader":${JSON.stringify(s.config.name)},"followers":{${fs.join(',')}}}`;
}

/** server/server.go (0.4.9) HTTPHandler: /version, /v2/keys, machines, peers, leader, stats. */
export function routeClient04(s: Server04, req: HttpRequest, res: HttpResponseWriter): void {
  const p = req.path;
  const get = req.method === 'GET' || req.method === 'HEAD';
  // Written for HEAD too: Go's server sends its length and discards it.
  const body = (headers: Headers, text: string) => {
    res.writeHead(200, headers);
    res.end(text);
  };
  if (p.startsWith('/v2/keys/')) return keys(s, req, res);
  switch (p) {
    case '/version':
      if (req.method !== 'GET') return notFound(res);
      return body([TEXT], `etcd ${ETCD04_VERSION}`);
    case '/v2/machines':
    case '/v2/peers':
      if (!get) return notFound(res);
      return body([TEXT], urls(s, (m) => m.clientURLs[0]).join(', '));
    case '/v2/leader': {
      if (!get) return notFound(res);
      const lead = s.membership.members.get(s.leader() ?? '');
      if (!lead) return writeError(res, new EtcdError(EcodeLeaderElect, '', s.store.index()));
      return body([TEXT], lead.peerURLs[0] ?? '');
    }
    case '/v2/stats/self':
      if (!get) return notFound(res);
      return body([JSON_TYPE], selfStatsJson(s));
    case '/v2/stats/store':
      if (!get) return notFound(res);
      return body([JSON_TYPE], s.store.statsJson());
    case '/v2/stats/leader': {
      if (!get) return notFound(res);
      if (s.isLeader()) return body([JSON_TYPE], leaderStatsJson(s));
      const lead = s.membership.members.get(s.leader() ?? '');
      if (!lead?.clientURLs[0]) return writeError(res, new EtcdError(EcodeRaftInternal, '', s.store.index()));
      return redirect(lead.clientURLs[0], req, res);
    }
    default:
      // No /v2/members, /health or /metrics before etcd 2.0.
      notFound(res);
  }
}
