import type { World } from '../sim/world.ts';
import type { Member } from './membership.ts';
import { compareIds, idString } from './identity.ts';
import { header, httpCall, isCallError } from './http-call.ts';
import type { EtcdLog } from './log.ts';

/** What a member's peer port answers to `GET /members`. */
export interface RemoteCluster {
  clusterId: string;
  members: Member[];
}

/** GetClusterFromRemotePeers' http.Client timeout. */
const REMOTE_TIMEOUT_MS = 10_000;

/** The peer handler's `GET /members` body: Go's json.Encoder over []*Member (IDs as numbers). */
export function peerMembersJson(members: readonly Member[]): string {
  const ms = members.map(
    (m) => `{"id":${BigInt('0x' + m.id).toString()},"peerURLs":${JSON.stringify(m.peerURLs)},"name":${JSON.stringify(m.name)},"clientURLs":${JSON.stringify(m.clientURLs)}}`,
  );
  return `[${ms.join(',')}]\n`;
}

function parseMembers(body: string): Member[] | undefined {
  try {
    // uint64 IDs do not fit a double: read them as strings.
    const raw = JSON.parse(body.replace(/"id":(\d+)/g, '"id":"$1"')) as { id: string; name?: string; peerURLs?: string[]; clientURLs?: string[] }[];
    if (!Array.isArray(raw)) return undefined;
    return raw
      .map((m) => ({ id: idString(BigInt(m.id).toString(16)), name: m.name ?? '', peerURLs: m.peerURLs ?? [], clientURLs: m.clientURLs ?? [] }))
      .sort((a, b) => compareIds(a.id, b.id));
  } catch {
    return undefined;
  }
}

/**
 * etcdserver.GetClusterFromRemotePeers (2.3): `GET <peerURL>/members` on each URL in turn; the
 * first good answer wins. Failures are logged as etcd logs them.
 */
export function getClusterFromRemotePeers(
  world: World,
  from: string,
  urls: readonly string[],
  log: EtcdLog,
  track: (abort: () => void) => void,
  done: (r: RemoteCluster | { error: string }) => void,
): void {
  const next = (i: number) => {
    if (i >= urls.length) return done({ error: 'could not retrieve cluster information from the given urls' });
    const u = urls[i]!;
    const abort = httpCall(world, from, `${u}/members`, { timeoutMs: REMOTE_TIMEOUT_MS }, (r) => {
      if (isCallError(r)) {
        const why = r.kind === 'timeout' ? 'net/http: request canceled (Client.Timeout exceeded while awaiting headers)' : r.error;
        log.warning(`could not get cluster response from ${u}: Get ${u}/members: ${why}`);
        return next(i + 1);
      }
      const members = parseMembers(r.body);
      if (!members) {
        log.warning('could not unmarshal cluster response: invalid character \'4\' looking for beginning of value');
        return next(i + 1);
      }
      const cid = header(r.headers, 'X-Etcd-Cluster-Id');
      if (!cid) {
        log.warning(`could not parse the cluster ID from cluster res: strconv.ParseUint: parsing "": invalid syntax`);
        return next(i + 1);
      }
      done({ clusterId: cid, members });
    });
    track(abort);
  };
  next(0);
}
