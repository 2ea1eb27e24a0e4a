/**
 * A digest of one deterministic run (the bench's workload plus a mix of other commands): every
 * command's output and the trace's running hash. A change meant only to make things faster
 * must leave both as they were. Run: npx tsx bench/digest.ts [simulated seconds]
 */
import { createCluster, type HeadlessCluster } from '../src/headless.ts';
import { runWorkload } from './workload.ts';

const SECONDS = Number(process.argv[2] ?? 120);

function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

async function main(): Promise<void> {
  for (const traced of [false, true]) {
    const c = (await createCluster({ machines: 5, seed: 42 })) as HeadlessCluster;
    if (traced) c.sim.world.trace.enableHash();
    let out = 0x811c9dc5;
    let n = 0;
    const run = (m: string, line: string, timeoutMs = 15_000) =>
      c.exec(m, line, { timeoutMs }).then((r) => {
        out = fnv(`${m}$ ${line}\n${r.stdout}\x00${r.stderr}\x00${r.exitCode}\x00${c.now()}\n`, out);
        n++;
      });
    const extra = [
      'etcdctl get /bench/k1',
      'etcdctl -o json get /bench/k2',
      'etcdctl ls --recursive /bench',
      'etcdctl mk /bench/once x',
      'etcdctl set --ttl 3 /bench/t y',
      'etcdctl watch /bench/k3',
      'curl -s -L http://127.0.0.1:2379/v2/keys/bench/k4',
      'curl -s http://127.0.0.1:2379/v2/stats/self',
      'etcdctl cluster-health',
      'etcdctl member list',
      'etcdctl rm /bench/k5',
      'etcdctl update /bench/k6 z',
    ];
    await runWorkload(c, SECONDS, {
      tick: (i, up) => {
        const started = [run(up[i % up.length]!, `etcdctl set /bench/k${i % 50} v${i}`)];
        if (i % 7 === 0) started.push(run(up[(i + 1) % up.length]!, extra[(i / 7) % extra.length]!, 5000));
        return started;
      },
    });
    const t = c.sim.world.trace;
    console.log(`${traced ? 'traced  ' : 'untraced'} commands ${n}, outputs ${out.toString(16)}${traced ? `, trace ${t.digest()}` : ''}`);
  }
}

void main();
