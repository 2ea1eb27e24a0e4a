/**
 * Simulated seconds per wall second: 5 machines, 10 etcdctl writes per simulated second, the
 * leader killed every 10 s and booted 2 s later, for 600 simulated seconds.
 *
 * Four runs on fresh clusters, one after the other in this process: the first starts cold (V8 has
 * compiled nothing yet: that run pays for the JIT's warm-up, which lasts several simulated minutes
 * because most of a command's functions run once per command), the others run the same workload
 * on code the JIT has already optimised. Every run is printed, then the cold figure and the
 * median of the warm ones (this machine's wall clock is noisy: single runs vary by 15%).
 * Run: npm run bench   (BENCH_SECONDS=n for shorter runs, BENCH_RUNS=1 for the cold run only)
 */
import { createCluster } from '../src/headless.ts';
import { runWorkload } from './workload.ts';

const MACHINES = 5;
const SIM_SECONDS = Number(process.env.BENCH_SECONDS ?? 600);
const RUNS = Number(process.env.BENCH_RUNS ?? 4);

interface RunResult {
  simS: number;
  wallS: number;
  ok: number;
  failed: number;
  kills: number;
  /** Wall ms of each simulated minute, to show where the time went. */
  minutes: number[];
}

async function run(): Promise<RunResult> {
  const c = await createCluster({ machines: MACHINES, seed: 42 });
  const start = c.now();
  let ok = 0;
  let failed = 0;
  const minutes: number[] = [];
  const wall0 = performance.now();
  let lastMinute = wall0;
  const { kills } = await runWorkload(c, SIM_SECONDS, {
    tick: (i, up) => [
      c.exec(up[i % up.length]!, `etcdctl set /bench/k${i % 50} v${i}`, { timeoutMs: 15_000 }).then((r) => (r.exitCode === 0 ? ok++ : failed++)),
    ],
    afterTick: (i) => {
      if (i % 600 !== 599) return;
      const now = performance.now();
      minutes.push(now - lastMinute);
      lastMinute = now;
    },
  });
  return { simS: (c.now() - start) / 1000, wallS: (performance.now() - wall0) / 1000, ok, failed, kills, minutes };
}

async function main(): Promise<void> {
  const speeds: number[] = [];
  for (let r = 1; r <= RUNS; r++) {
    const res = await run();
    speeds.push(res.simS / res.wallS);
    const label = r === 1 ? 'run 1 (cold: includes the JIT warm-up)' : `run ${r} (same process, JIT warm)`;
    console.log(`${label}`);
    console.log(`  machines: ${MACHINES}, simulated: ${res.simS.toFixed(1)} s, wall: ${res.wallS.toFixed(2)} s`);
    console.log(`  writes: ${res.ok} ok, ${res.failed} failed; leader kills: ${res.kills}`);
    console.log(`  wall ms per simulated minute: ${res.minutes.map((m) => m.toFixed(0)).join(' ')}`);
    console.log(`  speed: ${(res.simS / res.wallS).toFixed(0)} simulated seconds per wall second`);
  }
  const warm = speeds.slice(1).sort((a, b) => a - b);
  console.log(`cold: ${speeds[0]!.toFixed(0)} simulated seconds per wall second`);
  if (warm.length > 0) console.log(`warm (median of ${warm.length}): ${warm[(warm.length - 1) >> 1]!.toFixed(0)} simulated seconds per wall second`);
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  console.log(`memory: heap used ${(mem.heapUsed / 1048576).toFixed(1)} MiB, rss ${(mem.rss / 1048576).toFixed(1)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
