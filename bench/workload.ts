import type { Cluster } from '../src/headless.ts';

/** What the workload asks of its caller every 100 ms of virtual time. */
export interface WorkloadHooks {
  /** Starts the i-th tick's commands; `up` are the machines not killed. Their promises are awaited at the end. */
  tick(i: number, up: string[]): Promise<unknown>[];
  /** Called once the tick's 100 ms have passed. */
  afterTick?(i: number): void;
}

/**
 * The benchmark's workload (bench/etcd-throughput.ts, and bench/digest.ts on top of it): every
 * 100 ms of virtual time the caller's commands, and every 10 s the etcd leader killed, booted
 * again 2 s later. Resolves once `seconds` have passed and every command has ended.
 */
export async function runWorkload(c: Cluster, seconds: number, hooks: WorkloadHooks): Promise<{ kills: number }> {
  const end = c.now() + seconds * 1000;
  const down = new Set<string>();
  const pending: Promise<unknown>[] = [];
  let kills = 0;

  const writers = (async () => {
    for (let i = 0; c.now() < end; i++) {
      pending.push(...hooks.tick(i, c.machines.filter((m) => !down.has(m))));
      await c.advance(100);
      hooks.afterTick?.(i);
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
  return { kills };
}
