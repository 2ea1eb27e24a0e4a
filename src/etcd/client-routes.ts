import type { Headers, HttpRequest, HttpResponseWriter } from '../sim/http.ts';
import type { EtcdServer } from './server.ts';
import { goHttpError } from './go-http-error.ts';
import type { MemberRequestError } from './member-request.ts';
import { etcdHttpExtras } from '../lazy-modules.ts';
import { Membership } from './membership.ts';
import { CLUSTER_VERSION, SERVER_VERSION } from './membership.ts';

const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];
const TEXT_TYPE: [string, string] = ['Content-Type', 'text/plain; charset=utf-8'];

const MEMBERS = '/v2/members';


/** etcd's httptypes.HTTPError: `{"message":"..."}` without a newline. */
function jsonError(res: HttpResponseWriter, status: number, msg: string, extra: Headers = []): void {
  res.writeHead(status, [...extra, JSON_TYPE]);
  res.end(JSON.stringify({ message: msg }));
}

/** etcd's allowMethod: 405 with an Allow header listing what is allowed. */
function allow(req: HttpRequest, res: HttpResponseWriter, ...methods: string[]): boolean {
  if (methods.includes(req.method)) return true;
  goHttpError(res, 405, 'Method Not Allowed', [['Allow', methods.join(',')]]);
  return false;
}

/** Every client URL of an etcd member except /v2/keys (etcdhttp's mux). */
export function routeClientRequest(s: EtcdServer, req: HttpRequest, res: HttpResponseWriter): void {
  const p = req.path;
  if (p === MEMBERS || p.startsWith('/v2/members/')) return members(s, req, res);
  switch (p) {
    case '/health':
      return health(s, req, res);
    case '/version':
      if (!allow(req, res, 'GET')) return;
      res.writeHead(200, [JSON_TYPE]);
      return res.end(`{"etcdserver":"${SERVER_VERSION}","etcdcluster":"${s.membership.version ?? CLUSTER_VERSION}"}`);
    case '/v2/machines':
      if (!allow(req, res, 'GET', 'HEAD')) return;
      res.writeHead(200, [TEXT_TYPE]);
      // For HEAD too: Go's server sends the length of what was written and discards it.
      return res.end(s.membership.clientURLs().join(', '));
    case '/v2/stats/store':
      if (!allow(req, res, 'GET')) return;
      res.writeHead(200, [JSON_TYPE]);
      return res.end(s.store.statsJson());
    case '/v2/stats/self':
      if (!allow(req, res, 'GET')) return;
      res.writeHead(200, [JSON_TYPE]);
      return res.end(s.selfStats!.json(s.now(), s.isLeader(), s.membership.members.size > 1));
    case '/v2/stats/leader': {
      if (!allow(req, res, 'GET')) return;
      if (!s.isLeader()) return jsonError(res, 403, 'not current leader');
      const followers = s.membership
        .list()
        .filter((m) => m.id !== s.id)
        .map((m) => `"${m.id}":${(s.followerStats.get(m.id) ?? emptyFollower).json()}`);
      res.writeHead(200, [JSON_TYPE]);
      return res.end(`{"leader":"${s.id}","followers":{${followers.join(',')}}}`);
    }
    default:
      goHttpError(res, 404, '404 page not found');
  }
}

const emptyFollower = { json: () => '{"latency":{"current":0,"average":0,"standardDeviation":0,"minimum":0,"maximum":0},"counts":{"fail":0,"success":0}}' };

/** /health: healthy when there is a leader and the raft index moves within 750 ms. */
function health(s: EtcdServer, req: HttpRequest, res: HttpResponseWriter): void {
  if (!allow(req, res, 'GET')) return;
  if (s.leader() === undefined) return goHttpError(res, 503, '{"health": "false"}');
  const start = s.raftIndex();
  let tries = 0;
  const check = () => {
    if (!s.isRunning()) return;
    if (s.raftIndex() > start) {
      res.writeHead(200, [TEXT_TYPE]);
      return res.end('{"health": "true"}');
    }
    if (++tries >= 3) return goHttpError(res, 503, '{"health": "false"}');
    s.setTimer(check, 250);
  };
  s.setTimer(check, 250);
}

function members(s: EtcdServer, req: HttpRequest, res: HttpResponseWriter): void {
  if (!allow(req, res, 'GET', 'POST', 'DELETE', 'PUT')) return;
  const cid: [string, string] = ['X-Etcd-Cluster-Id', s.clusterId];
  // What follows `/v2/members/` ('' for `/v2/members`: the router sent nothing else here). No
  // read past the end of the path: that deoptimized this handler on the first plain GET.
  const rest = req.path.length > MEMBERS.length ? req.path.slice(MEMBERS.length + 1) : '';
  switch (req.method) {
    case 'GET':
      if (rest === '') {
        res.writeHead(200, [JSON_TYPE, cid]);
        return res.end(s.membership.membersJson() + '\n');
      }
      if (rest === 'leader') {
        const id = s.leader();
        const m = id ? s.membership.members.get(id) : undefined;
        if (!m) return jsonError(res, 503, 'During election', [cid]);
        res.writeHead(200, [JSON_TYPE, cid]);
        return res.end(Membership.memberJson(m) + '\n');
      }
      return jsonError(res, 404, 'Not found', [cid]);
    case 'POST': {
      const parsed = etcdHttpExtras().parseMemberURLs(contentType(req), req.body);
      if ('status' in parsed) return jsonError(res, parsed.status, parsed.message!, [cid]);
      return s.addMember(parsed.peerURLs, (r) => {
        if (r === 'exists') return jsonError(res, 409, 'etcdserver: peerURL exists', [cid]);
        if (r === 'timeout') return jsonError(res, 500, 'Internal Server Error', [cid]);
        res.writeHead(201, [JSON_TYPE, cid]);
        res.end(Membership.memberJson(r) + '\n');
      });
    }
    case 'DELETE': {
      const got = etcdHttpExtras().memberIdFromPath(rest);
      if ('status' in got) return refuseId(res, got, cid);
      const id = got.id;
      return s.removeMember(id, (r) => {
        if (r === 'removed') return jsonError(res, 410, `Member permanently removed: ${id}`, [cid]);
        if (r === 'notfound') return jsonError(res, 404, `No such member: ${id}`, [cid]);
        if (r === 'timeout') return jsonError(res, 500, 'Internal Server Error', [cid]);
        res.writeHead(204, [cid]);
        res.end();
      });
    }
    default: {
      const got = etcdHttpExtras().memberIdFromPath(rest);
      if ('status' in got) return refuseId(res, got, cid);
      const parsed = etcdHttpExtras().parseMemberURLs(contentType(req), req.body);
      if ('status' in parsed) return jsonError(res, parsed.status, parsed.message!, [cid]);
      return s.updateMember(got.id, parsed.peerURLs, (status, msg) => {
        if (status === 204) {
          res.writeHead(204, [cid]);
          return res.end();
        }
        jsonError(res, status, msg, [cid]);
      });
    }
  }
}

const contentType = (req: HttpRequest) => req.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';

/** getID's refusals: http.Error's 405 for no ID (after X-Etcd-Cluster-ID was set), else the JSON 404. */
function refuseId(res: HttpResponseWriter, e: MemberRequestError, cid: [string, string]): void {
  if (e.message === undefined) return goHttpError(res, e.status, 'Method Not Allowed', [cid]);
  jsonError(res, e.status, e.message, [cid]);
}
