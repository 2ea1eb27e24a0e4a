import type { CliContext } from '../cli/types.ts';
import { ExitBadConnection, ExitServerError, type Runtime } from '../runtime.ts';
import { ClusterClient } from './cluster-client.ts';
import { ErrNoEndpoints, GoError } from './errors.ts';
import { roundTrip, targetOf } from './round-trip.ts';
import { KeysAPI } from './keys-api.ts';
import { MembersAPI } from './members-api.ts';
import { parseURL, urlString } from '../../../../sim/go-url.ts';

/** etcdctl/command/util.go @v2.3.7: endpoints from flags and environment, and client setup. */

export const DEFAULT_ENDPOINTS = 'http://127.0.0.1:2379,http://127.0.0.1:4001';

/** getPeersFlagValue: --endpoints, $ETCDCTL_ENDPOINTS, --endpoint, $ETCDCTL_ENDPOINT, --peers, $ETCDCTL_PEERS (split at `,` by the caller). */
function peersFlagValue(rt: Runtime, c: CliContext): string {
  const env = rt.proc.env;
  const v =
    c.globalString('endpoints') ||
    env.get('ETCDCTL_ENDPOINTS') ||
    c.globalString('endpoint') ||
    env.get('ETCDCTL_ENDPOINT') ||
    c.globalString('peers') ||
    env.get('ETCDCTL_PEERS') ||
    DEFAULT_ENDPOINTS;
  return v;
}

/** The simulated world has no DNS SRV records: the lookups fail as Go's resolver reports it. */
function discoveryError(domain: string): GoError {
  const miss = (svc: string) => `lookup _${svc}._tcp.${domain} on 10.0.2.3:53: no such host`;
  return new GoError(`dns lookup errors: ${miss('etcd-client-ssl')} and ${miss('etcd-client')}`);
}

/** getEndpoints: each endpoint parsed, "http" when it names no scheme. */
function getEndpoints(rt: Runtime, c: CliContext): readonly string[] | GoError {
  const domain = flagOrEnv(rt, c, 'discovery-srv', 'ETCDCTL_DISCOVERY_SRV');
  if (domain !== '') return discoveryError(domain);
  const flag = peersFlagValue(rt, c);
  let eps = endpointsByFlag.get(flag);
  if (eps === undefined) {
    eps = parseEndpoints(flag);
    if (endpointsByFlag.size >= 64) endpointsByFlag.clear();
    endpointsByFlag.set(flag, eps);
  }
  return eps;
}

/** The endpoint lists by the flag's text: every etcdctl command parses the same few. Shared: never change them. */
const endpointsByFlag = new Map<string, readonly string[] | GoError>();

function parseEndpoints(flag: string): readonly string[] | GoError {
  const out: string[] = [];
  for (const ep of flag.split(',')) {
    const u = parseURL(ep);
    if ('error' in u) return new GoError(u.error);
    if (u.scheme === '') u.scheme = 'http';
    out.push(urlString(u));
  }
  // Frozen: the client knows a frozen list again without parsing it.
  return Object.freeze(out);
}

/** A flag's value, else the environment variable's. */
function flagOrEnv(rt: Runtime, c: CliContext, flag: string, env: string): string {
  return c.globalString(flag) || (rt.proc.env.get(env) ?? '');
}

function missingFile(rt: Runtime, p: string): GoError | undefined {
  return rt.proc.host.fs.isFile(p) ? undefined : new GoError(`open ${p}: no such file or directory`);
}

/** getTransport: the TLS files must exist (the playground speaks plain HTTP only). */
function checkTLSFiles(rt: Runtime, c: CliContext): GoError | undefined {
  const ca = flagOrEnv(rt, c, 'ca-file', 'ETCDCTL_CA_FILE');
  const cert = flagOrEnv(rt, c, 'cert-file', 'ETCDCTL_CERT_FILE');
  const key = flagOrEnv(rt, c, 'key-file', 'ETCDCTL_KEY_FILE');
  if (cert !== '' || key !== '') {
    if (cert === '' || key === '') return new GoError(`KeyFile and CertFile must both be present[key: ${key}, cert: ${cert}]`);
    const e = missingFile(rt, cert) ?? missingFile(rt, key);
    if (e) return e;
  }
  return ca !== '' ? missingFile(rt, ca) : undefined;
}

/** newClient's errors: etcdctl prints the bare message and exits 1. */
function failClient(rt: Runtime, e: GoError): never {
  rt.err(`${e.message}\n`);
  return rt.exit(1);
}

/** newClient. */
function newClient(rt: Runtime, c: CliContext, debug: boolean): ClusterClient {
  const eps = getEndpoints(rt, c);
  if (eps instanceof GoError) failClient(rt, eps);
  const tls = checkTLSFiles(rt, c);
  if (tls) failClient(rt, tls);
  const user = c.globalString('username');
  let auth: { username: string; password: string } | undefined;
  if (user !== '') {
    // speakeasy would prompt for a missing password on the terminal; the playground sends none.
    const colon = user.indexOf(':');
    auth = colon < 0 ? { username: user, password: '' } : { username: user.slice(0, colon), password: user.slice(colon + 1) };
  }
  const client = new ClusterClient(rt, { headerTimeoutMs: c.globalDuration('timeout'), curlDebug: debug, auth });
  const err = client.setEndpoints(eps as readonly string[]);
  if (err) failClient(rt, err);
  return client;
}

/** contextWithTotalTimeout: the absolute virtual deadline of the command's requests. */
export function totalDeadline(rt: Runtime, c: CliContext): number {
  return rt.proc.host.now() + c.globalDuration('total-timeout');
}

/**
 * mustNewClient: unless --no-sync, replace the endpoints with the members' client URLs. A sync
 * failing only on connection errors ends etcdctl with exit 2; on other failures (etcd 0.4 has no
 * /v2/members) the endpoints come from the peers API instead. Resolves with the `api` over the client.
 */
async function mustNewClient<T>(rt: Runtime, c: CliContext, api: new (client: ClusterClient) => T): Promise<T> {
  const debug = c.globalBool('debug');
  const client = newClient(rt, c, debug);
  if (!c.globalBool('no-sync')) {
    if (debug) rt.err(`start to sync cluster using endpoints(${client.endpointStrings().join(',')})\n`);
    const deadline = totalDeadline(rt, c);
    const ms = await new MembersAPI(client).listShared(deadline);
    const err = ms instanceof GoError ? ms : client.sync(ms);
    if (err) {
      if (err === ErrNoEndpoints) {
        rt.err('etcd cluster has no published client endpoints.\n');
        rt.err(`Try '--no-sync' if you want to access non-published client endpoints(${client.endpointStrings().join(',')}).\n`);
        rt.fail(ExitServerError, err);
      }
      if (err.connection) rt.fail(ExitBadConnection, err);
      // Fall back to etcd 0.4's peers API (syncWithPeerAPI): GET <endpoint>/v2/peers.
      const eps = await syncWithPeerAPI(rt, client.endpointStrings(), deadline);
      if (eps instanceof GoError) rt.fail(eps.connection ? ExitBadConnection : ExitServerError, eps);
      const serr = client.setEndpoints(eps as string[]);
      if (serr) rt.fail(ExitServerError, serr);
    }
    if (debug) rt.err(`got endpoints(${client.endpointStrings().join(',')}) after sync\n`);
  }
  if (debug) rt.err(`Cluster-Endpoints: ${client.endpointStrings().join(', ')}\n`);
  return new api(client);
}

/**
 * syncWithPeerAPI (etcdctl 2.3.7, for etcd 0.4): the first endpoint answering 200 to
 * `GET /v2/peers` gives the endpoints, its body split at ", ". A non-200 answer is skipped and
 * leaves no error, so an empty body becomes one empty endpoint, as in Go.
 */
async function syncWithPeerAPI(rt: Runtime, known: string[], deadline: number): Promise<string[] | GoError> {
  let err: GoError | undefined;
  let body = '';
  for (const p of known) {
    const u = parseURL(p + '/v2/peers');
    if ('error' in u) {
      err = new GoError(u.error);
      continue;
    }
    const r = await roundTrip(rt, targetOf(u), { method: 'GET', path: u.path, query: u.rawQuery, headers: [] }, { endpoint: p, headerTimeoutMs: 0, deadline });
    if (r instanceof GoError) {
      err = r;
      continue;
    }
    err = undefined;
    if (r.status !== 200) continue;
    body = r.body;
    break;
  }
  if (err) return err;
  return body.split(', ');
}

/** mustNewClientNoSync (cluster-health). */
export function mustNewClientNoSync(rt: Runtime, c: CliContext): ClusterClient {
  const client = newClient(rt, c, false);
  if (c.globalBool('debug')) {
    rt.err(`Cluster-Endpoints: ${client.endpointStrings().join(', ')}\n`);
    client.enableCurlDebug();
  }
  return client;
}

// The API is made inside mustNewClient: a wrapper awaiting it would add a promise to every command.
export function mustNewKeyAPI(rt: Runtime, c: CliContext): Promise<KeysAPI> {
  return mustNewClient(rt, c, KeysAPI);
}

export function mustNewMembersAPI(rt: Runtime, c: CliContext): Promise<MembersAPI> {
  return mustNewClient(rt, c, MembersAPI);
}
