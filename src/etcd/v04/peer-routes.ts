import type { HttpRequest, HttpResponseWriter } from '../../sim/http.ts';
import type { Member } from '../membership.ts';
import { memberId } from '../identity.ts';
import { EcodeExistingPeerAddr, EcodeNoMorePeer, EcodeRaftInternal, EtcdError } from '../keyspace/errors.ts';
import type { Server04 } from './routes.ts';

/** 0.4's default cluster active size: more machines would join as standbys (not modelled). */
export const ACTIVE_SIZE = 9;

/** What the peer port needs beyond the client API: a way to add a machine through raft. */
export interface PeerServer04 extends Server04 {
  addMember(
    peerURLs: string[],
    done: (r: Member | 'exists' | 'timeout') => void,
    attrs?: { id: string; name: string; clientURLs: string[] },
  ): void;
}

/** The ID the simulation gives a 0.4 machine (0.4 itself knows machines by name only). */
export const machineId = (name: string, peerURL: string) => memberId([peerURL], name);

/** What `/join` answers here: the cluster as a joining machine needs it to start raft. */
export interface JoinAnswer {
  clusterId: string;
  members: Member[];
}

function etcdError(res: HttpResponseWriter, status: number, e: EtcdError): void {
  res.writeHead(status, [['Content-Type', 'application/json'], ['X-Etcd-Index', String(e.index)]]);
  res.end(e.toJson() + '\n');
}

function joined(s: PeerServer04, res: HttpResponseWriter): void {
  const body: JoinAnswer = { clusterId: s.membership.clusterId, members: s.membership.list() };
  res.writeHead(200, [['Content-Type', 'application/json']]);
  res.end(JSON.stringify(body));
}

/**
 * The peer port of etcd 0.4 (server/peer_server.go HTTPHandler), the parts a machine joining
 * and a curious learner use: `POST /join` (JoinCommand through raft; a follower redirects to the
 * leader's peer URL) and `GET /v2/admin/machines`. UNSURE: the real /join answers with the
 * join's raft index as 8 bytes; here it answers with the members so the new machine can start.
 */
export function routePeer04(s: PeerServer04, req: HttpRequest, res: HttpResponseWriter): void {
  if (req.path === '/v2/admin/machines' && req.method === 'GET') {
    const lead = s.leader();
    const ms = [...s.membership.members.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    const json = ms.map(
      (m) =>
        `{"name":${JSON.stringify(m.name)},"state":"${m.id === lead ? 'leader' : 'follower'}","clientURL":${JSON.stringify(m.clientURLs[0] ?? '')},"peerURL":${JSON.stringify(m.peerURLs[0] ?? '')}}`,
    );
    res.writeHead(200, [['Content-Type', 'application/json']]);
    return res.end(`[${json.join(',')}]\n`);
  }
  if (req.path !== '/join' || (req.method !== 'POST' && req.method !== 'PUT')) {
    res.writeHead(404, [['Content-Type', 'text/plain; charset=utf-8']]);
    return res.end('404 page not found\n');
  }
  let c: { name?: string; raftURL?: string; etcdURL?: string };
  try {
    c = JSON.parse(req.body) as typeof c;
  } catch {
    res.writeHead(400, [['Content-Type', 'text/plain; charset=utf-8']]);
    return res.end('Bad Request\n');
  }
  const { name = '', raftURL = '', etcdURL = '' } = c;
  if (!s.isLeader()) {
    const lead = s.membership.members.get(s.leader() ?? '');
    if (!lead?.peerURLs[0]) return etcdError(res, 500, new EtcdError(EcodeRaftInternal, '', s.store.index()));
    res.writeHead(307, [['Location', `${lead.peerURLs[0]}/join`]]);
    return res.end();
  }
  const known = [...s.membership.members.values()].find((m) => m.name === name);
  // A machine that joined before (a restart) is welcome again.
  if (known && known.peerURLs[0] === raftURL) return joined(s, res);
  if (s.membership.members.size >= ACTIVE_SIZE) return etcdError(res, 400, new EtcdError(EcodeNoMorePeer, '', s.store.index()));
  s.addMember(
    [raftURL],
    (r) => {
      if (res.finished) return;
      if (r === 'exists') return etcdError(res, 400, new EtcdError(EcodeExistingPeerAddr, raftURL, s.store.index()));
      if (r === 'timeout') return etcdError(res, 500, new EtcdError(EcodeRaftInternal, '', s.store.index()));
      joined(s, res);
    },
    { id: machineId(name, raftURL), name, clientURLs: [etcdURL] },
  );
}
