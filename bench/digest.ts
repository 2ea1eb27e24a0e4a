/**
 * A digest of one deterministic run (the bench's workload plus a mix of other commands): every
 * command's output and the trace's running hash. A change meant only to make things faster
 * must leave both as they were. Run: npx tsx bench/digest.ts [simulated seconds]
 * (bench/serial-digest.ts is the same without concurrent commands.)
 */
import { createCluster, type HeadlessCluster } from '../src/headless.ts';
import { runWorkload } from './workload.ts';
import { EXTRA_COMMANDS, fnv } from './digest-mix.ts';

const SECONDS = Number(process.argv[2] ?? 120);

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
    await runWorkload(c, SECONDS, {
      tick: (i, up) => {
        const started = [run(up[i % up.length]!, `etcdctl set /bench/k${i % 50} v${i}`)];
        if (i % 7 === 0) started.push(run(up[(i + 1) % up.length]!, EXTRA_COMMANDS[(i / 7) % EXTRA_COMMANDS.length]!, 5000));
        return started;
      },
    });
    const t = c.sim.world.trace;
    console.log(`${traced ? 'traced  ' : 'untraced'} commands ${n}, outputs ${out.toString(16)}${traced ? `, trace ${t.digest()}` : ''}`);
  }
}

void main();
