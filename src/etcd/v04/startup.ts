import { urlHost, type EtcdConfig } from '../config.ts';
import type { EtcdDisk } from '../disk.ts';
import { httpCall, isCallError, parseURL } from '../http-call.ts';
import { newMemberStore } from '../keyspace/namespaces.ts';
import { Membership } from '../membership.ts';
import { RaftNode } from '../raft/node.ts';
import { freshDisk } from '../fresh-disk.ts';
import type { BootProcess } from '../startup.ts';
import { Discoverer04 } from './discovery.ts';
import type { JoinAnswer } from './peer-routes.ts';

/** PeerServerConfig defaults (0.4.9 config): three join rounds, ten seconds apart. */
const RETRY_TIMES = 3;
const RETRY_INTERVAL_S = 10;
const JOIN_TIMEOUT_MS = 5000;

/** A new one-machine cluster: the machine's own join is the first log entry (goraft's self-join). */
function newClusterDisk(c: EtcdConfig): EtcdDisk {
  const { membership, ids } = Membership.initial([{ name: c.name, peerURLs: c.peerURLs }], c.name);
  const id = ids[0]!;
  const raft = RaftNode.bootstrapStorage([{ id, context: { id, name: c.name, peerURLs: c.peerURLs, clientURLs: c.clientURLs } }]);
  return { raft, store: newMemberStore(), membership, memberId: id, applied: 0 };
}

/** host:port of a peer URL (handleDiscovery strips the scheme; '' when there is no host). */
function hostOf(u: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(u);
  return m ? m[1]! : '';
}

/**
 * etcd 0.4.9's start (etcd/etcd.go, PeerServer.findCluster): a data dir restarts the machine;
 * else discovery decides (the first to claim `_state` starts the cluster, the others join through
 * the registered peers), else `-peers`, else a new one-machine cluster. Joining is `POST /join`
 * to a peer, redirected to the leader, which adds the machine through raft.
 */
export function bootEtcd04(p: BootProcess): void {
  const { config: c, log } = p;
  const serverLines = () => {
    log.info(`etcd server [name ${c.name}, listen on :${urlHost(c.clientURLs[0] ?? '').port}, advertised url ${c.clientURLs[0] ?? ''}]`);
    log.info(`peer server [name ${c.name}, listen on :${urlHost(c.peerURLs[0] ?? '').port}, advertised url ${c.peerURLs[0] ?? ''}]`);
  };
  // UNSURE: a restart also logs "Peer URLs in log: ..." and rejoins through them; here the
  // machine simply resumes from its data dir.
  if (p.diskRef.etcd) {
    serverLines();
    return p.runMember();
  }
  const startNew = () => {
    p.diskRef.etcd = newClusterDisk(c);
    serverLines();
    p.runMember();
  };
  const peers = c.peers ?? [];
  const join = (list: string[], fatal: string | undefined) =>
    startAsFollower(p, list, (r) => {
      if (!p.alive()) return;
      if ('error' in r) {
        log.fatal(fatal ?? r.error);
        return p.exit(1);
      }
      p.diskRef.etcd = freshDisk({ cluster: [], token: '', existing: r }, c);
      serverLines();
      p.runMember();
    });
  if (c.discovery) {
    const d = new Discoverer04({ world: p.world, from: p.hostName, log, alive: () => p.alive(), track: (a) => p.track(a) }, c.discovery, c.name, c.peerURLs[0] ?? '');
    void d.run().then((r) => {
      if (!p.alive()) return;
      if ('error' in r) {
        log.warning(`Discovery encountered an error: ${r.error}`);
        log.warning(`${c.name} failed to connect discovery service[${c.discovery}]: ${r.error}`);
        if (peers.length === 0) {
          log.fatal(`${c.name}, the new leader, must register itself to discovery service as required`);
          return p.exit(1);
        }
        return join(peers, `${c.name} cannot connect to existing cluster [${peers.join(' ')}]`);
      }
      const hosts = r.peers.map(hostOf);
      log.info(`Discovery fetched back peer list: [${hosts.join(' ')}]`);
      if (hosts.length === 0) return startNew();
      join(hosts, undefined);
    });
    return;
  }
  if (peers.length > 0) return join(peers, `${c.name} cannot connect to existing cluster [${peers.join(' ')}]`);
  log.info(`${c.name} is starting a new cluster`);
  startNew();
}

/** startAsFollower: rounds of joinCluster over the peers, RETRY_INTERVAL_S apart. */
function startAsFollower(p: BootProcess, peers: string[], done: (r: JoinAnswer | { error: string }) => void): void {
  const c = p.config;
  const round = (i: number) => {
    const next = (k: number) => {
      if (!p.alive()) return;
      const peer = peers[k];
      if (peer === undefined) {
        if (i === RETRY_TIMES - 1) return done({ error: `Cannot join the cluster via given peers after ${RETRY_TIMES.toString(16)} retries` });
        p.log.warning(`${c.name} is unable to join the cluster using any of the peers [${peers.join(' ')}] at ${i}th time. Retrying in ${RETRY_INTERVAL_S.toFixed(1)} seconds`);
        const t = p.world.clock.schedule(() => p.alive() && round(i + 1), RETRY_INTERVAL_S * 1000);
        p.track(() => p.world.clock.cancel(t));
        return;
      }
      if (peer === '') return next(k + 1);
      joinByPeer(p, `http://${peer}`, `http://${peer}/join`, 0, (r) => {
        if (!p.alive()) return;
        if ('error' in r) {
          p.log.warning(`Attempt to join via ${peer} failed: ${r.error}`);
          return next(k + 1);
        }
        done(r);
      });
    };
    next(0);
  };
  round(0);
}

/** One JoinCommand sent to a peer, following the redirect a follower answers with. */
function joinByPeer(p: BootProcess, base: string, url: string, hops: number, done: (r: JoinAnswer | { error: string }) => void): void {
  const c = p.config;
  const body = JSON.stringify({ minVersion: 2, maxVersion: 2, name: c.name, raftURL: c.peerURLs[0] ?? '', etcdURL: c.clientURLs[0] ?? '' });
  const abort = httpCall(p.world, p.hostName, url, { method: 'POST', body, headers: [['Content-Type', 'application/json']], timeoutMs: JOIN_TIMEOUT_MS }, (r) => {
    if (!p.alive()) return;
    // The join starts with `GET /version`: a dead peer fails there.
    if (isCallError(r)) return done({ error: `Get ${base}/version: ${r.error}` });
    const loc = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    if (r.status === 307 && loc && hops < 10 && parseURL(loc)) return joinByPeer(p, base, loc, hops + 1, done);
    if (r.status !== 200) {
      try {
        const e = JSON.parse(r.body) as { errorCode: number; message: string; cause?: string; index: number };
        if (e.errorCode === 103) return done({ error: `stop joining because the cluster is full` });
        return done({ error: `${e.message} (${e.cause ?? ''})` });
      } catch {
        return done({ error: r.body.trim() || `status ${r.status}` });
      }
    }
    try {
      done(JSON.parse(r.body) as JoinAnswer);
    } catch {
      done({ error: 'unexpected end of JSON input' });
    }
  });
  p.track(abort);
}
