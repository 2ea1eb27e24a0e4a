import { GoError } from '../client/errors.ts';
import { MembersAPI } from '../client/members-api.ts';
import { mustNewClientNoSync } from '../client/new-client.ts';
import { roundTrip, targetOf } from '../client/round-trip.ts';
import { parseURL } from '../../../../sim/go-url.ts';
import type { CliCommand } from '../cli/types.ts';
import { ExitClusterNotHealthy, ExitServerError, ExitSuccess, type Runtime } from '../runtime.ts';

/** What json.Unmarshal makes of a /health body: "true"/"false" (or a bool), or Go's complaint. */
function parseHealth(body: string): boolean | string {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    const t = body.trimStart();
    if (t === '') return 'unexpected end of JSON input';
    return /^-?\d/.test(t) ? `invalid character '${t.replace(/^-?[\d.eE+-]+/, '').trimStart()[0] ?? ''}' after top-level value` : `invalid character '${t[0]}' looking for beginning of value`;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    const kind = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
    return `json: cannot unmarshal ${kind} into Go value of type struct { Health bool }`;
  }
  const k = Object.keys(v).find((x) => x.toLowerCase() === 'health');
  const h = k === undefined ? undefined : (v as Record<string, unknown>)[k];
  if (h === undefined || h === null) return false;
  if (typeof h === 'string') return h === 'true';
  if (typeof h === 'boolean') return h;
  return `json: cannot unmarshal ${typeof h} into Go value of type bool`;
}

/**
 * etcdctl/command/cluster_health.go: lists the members (without syncing), then GETs each one's
 * /health with a plain net/http client (no header timeout). Healthy if any member is; else exit 5.
 */
export function clusterHealthCommand(): CliCommand {
  return {
    name: 'cluster-health',
    usage: 'check the health of the etcd cluster',
    argsUsage: ' ',
    flags: [{ kind: 'bool', name: 'forever, f', usage: 'forever check the health every 10 second until CTRL+C' }],
    action: async (c) => {
      const rt: Runtime = c.rt;
      const forever = c.bool('forever');
      if (forever) rt.exitZeroOnInterrupt = true;
      const client = mustNewClientNoSync(rt, c);
      const ms = await new MembersAPI(client).list();
      if (ms instanceof GoError) {
        rt.out('cluster may be unhealthy: failed to list members\n');
        rt.fail(ExitServerError, ms);
      }
      for (;;) {
        let health = false;
        for (const m of ms) {
          if (m.clientURLs.length === 0) {
            rt.out(`member ${m.id} is unreachable: no available published client urls\n`);
            continue;
          }
          let checked = false;
          for (const url of m.clientURLs) {
            const target = `${url}/health`;
            const u = parseURL(target);
            const r = 'error' in u ? new GoError(u.error) : await roundTrip(rt, targetOf(u), { method: 'GET', path: u.path, query: u.rawQuery, headers: [] }, { endpoint: url, headerTimeoutMs: 0 });
            const failed = (why: string) => rt.out(`failed to check the health of member ${m.id} on ${url}: ${why}\n`);
            if (r instanceof GoError) {
              failed(`Get ${target}: ${r.message}`);
              continue;
            }
            const h = parseHealth(r.body);
            if (typeof h === 'string') {
              failed(h);
              continue;
            }
            checked = true;
            if (h) {
              health = true;
              rt.out(`member ${m.id} is healthy: got healthy result from ${url}\n`);
            } else rt.out(`member ${m.id} is unhealthy: got unhealthy result from ${url}\n`);
            break;
          }
          if (!checked) rt.out(`member ${m.id} is unreachable: [${m.clientURLs.join(' ')}] are all unreachable\n`);
        }
        rt.out(health ? 'cluster is healthy\n' : 'cluster is unhealthy\n');
        if (!forever) rt.exit(health ? ExitSuccess : ExitClusterNotHealthy);
        rt.out('\nnext check after 10 second...\n\n');
        if (!(await rt.proc.sleep(10_000))) throw rt.interrupted(rt.proc.signal.reason ?? 'SIGINT');
      }
    },
  };
}
