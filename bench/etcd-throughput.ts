/**
 * Simulated seconds per wall second: 5 machines, 10 etcdctl writes per simulated second, the
 * leader killed every 10 s and booted 2 s later, for 600 simulated seconds.
 *
 * Four runs on fresh clusters, one after the other in this process: the first starts cold (V8 has
 * compiled nothing yet: that run pays for the JIT's warm-up, which lasts several simulated minutes
 * because most of a command's functions run once per command), the others run the same workload
 * on code the JIT has already optimised. Then two more cold runs, each in a fresh Node process.
 * Every run is printed, then the median of the three cold runs and of the three warm ones (this
 * machine's wall clock is noisy: single runs vary by 15-30%).
 * Run: npm run bench   (BENCH_SECONDS=n for shorter runs, BENCH_RUNS=1 for one cold run only)
 */
import { execFileSync } from 'node:child_process';
import { createCluster } from '../src/headless.ts';
import { runWorkload } from './workload.ts';

const MACHINES = 5;
const SIM_SECONDS = Number(process.env.BENCH_SECONDS ?? 600);
const RUNS = Number(process.env.BENCH_RUNS ?? 4);
/** Set in the fresh processes that make one more cold run: they print its result as JSON. */
const CHILD = process.env.BENCH_CHILD === '1';
const COLD_PROCESSES = RUNS > 1 ? 2 : 0;

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

function printRun(label: string, res: RunResult): void {
  console.log(label);
  console.log(`  machines: ${MACHINES}, simulated: ${res.simS.toFixed(1)} s, wall: ${res.wallS.toFixed(2)} s`);
  console.log(`  writes: ${res.ok} ok, ${res.failed} failed; leader kills: ${res.kills}`);
  console.log(`  wall ms per simulated minute: ${res.minutes.map((m) => m.toFixed(0)).join(' ')}`);
  console.log(`  speed: ${(res.simS / res.wallS).toFixed(0)} simulated seconds per wall second`);
}

/** One cold run in a fresh Node process (this script, as a child). */
function coldRunInFreshProcess(): RunResult {
  const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, BENCH_CHILD: '1' },
    encoding: 'utf8',
  });
  return JSON.parse(out) as RunResult;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
const speed = (r: RunResult): number => r.simS / r.wallS;

async function main(): Promise<void> {
  if (CHILD) {
    process.stdout.write(JSON.stringify(await run()));
    return;
  }
  const cold: number[] = [];
  const warm: number[] = [];
  for (let r = 1; r <= RUNS; r++) {
    const res = await run();
    (r === 1 ? cold : warm).push(speed(res));
    printRun(r === 1 ? 'run 1 (cold: includes the JIT warm-up)' : `run ${r} (same process, JIT warm)`, res);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  for (let p = 1; p <= COLD_PROCESSES; p++) {
    const res = coldRunInFreshProcess();
    cold.push(speed(res));
    printRun(`run ${RUNS + p} (cold, in a fresh process)`, res);
  }
  const of = (xs: number[]) => (xs.length > 1 ? ` (median of ${xs.length})` : '');
  console.log(`cold${of(cold)}: ${median(cold).toFixed(0)} simulated seconds per wall second`);
  if (warm.length > 0) console.log(`warm${of(warm)}: ${median(warm).toFixed(0)} simulated seconds per wall second`);
  console.log(`memory: heap used ${(mem.heapUsed / 1048576).toFixed(1)} MiB, rss ${(mem.rss / 1048576).toFixed(1)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
