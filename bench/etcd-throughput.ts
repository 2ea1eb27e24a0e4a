/**
 * Simulated seconds per wall second: 5 machines, 10 etcdctl writes per simulated second, the
 * leader killed every 10 s and booted 2 s later, for 600 simulated seconds.
 * Run: npm run bench
 */
import { createCluster } from '../src/headless.ts';

const MACHINES = 5;
const SIM_SECONDS = Number(process.env.BENCH_SECONDS ?? 600);

async function main(): Promise<void> {
  const c = await createCluster({ machines: MACHINES, seed: 42 });
  const start = c.now();
  const end = start + SIM_SECONDS * 1000;
  const down = new Set<string>();
  let ok = 0;
  let failed = 0;
  let kills = 0;
  const pending: Promise<unknown>[] = [];
  const wall0 = performance.now();

  const writers = (async () => {
    for (let i = 0; c.now() < end; i++) {
      const up = c.machines.filter((m) => !down.has(m));
      const m = up[i % up.length]!;
      pending.push(
        c.exec(m, `etcdctl set /bench/k${i % 50} v${i}`, { timeoutMs: 15_000 }).then((r) => (r.exitCode === 0 ? ok++ : failed++)),
      );
      await c.advance(100);
    }
  })();

  const faults = (async () => {
    while (c.now() + 10_000 <= end) {
      await c.advance(10_000);
      const l = c.leader();
      if (!l) continue;
      c.kill(l);
      down.add(l);
      kills++;
      await c.advance(2000);
      c.boot(l);
      down.delete(l);
    }
  })();

  await Promise.all([writers, faults]);
  await Promise.all(pending);
  const wallS = (performance.now() - wall0) / 1000;
  const simS = (c.now() - start) / 1000;
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  console.log(`machines: ${MACHINES}, simulated: ${simS.toFixed(1)} s, wall: ${wallS.toFixed(2)} s`);
  console.log(`writes: ${ok} ok, ${failed} failed; leader kills: ${kills}`);
  console.log(`speed: ${(simS / wallS).toFixed(0)} simulated seconds per wall second`);
  console.log(`memory: heap used ${(mem.heapUsed / 1048576).toFixed(1)} MiB, rss ${(mem.rss / 1048576).toFixed(1)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
