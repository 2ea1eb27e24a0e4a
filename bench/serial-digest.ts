/**
 * The digest of a run in which no two commands ever run at once: each is awaited before the next
 * starts (the bench's writes, the digest's other commands, shell syntax, leader kills and boots).
 * A change that only reorders the microtasks of commands started at the same virtual instant
 * (one await fewer somewhere) changes bench/digest.ts but must leave this as it was.
 * Run: npx tsx bench/serial-digest.ts
 */
import { createCluster, type HeadlessCluster } from '../src/headless.ts';
import { EXTRA_COMMANDS, SHELL_COMMANDS, fnv } from './digest-mix.ts';

const TICKS = 1200;
const MIX = [...EXTRA_COMMANDS, ...SHELL_COMMANDS];

async function main(): Promise<void> {
  const c = (await createCluster({ machines: 5, seed: 42 })) as HeadlessCluster;
  c.sim.world.trace.enableHash();
  let out = 0x811c9dc5;
  const down = new Set<string>();
  for (let i = 0; i < TICKS; i++) {
    const up = c.machines.filter((m) => !down.has(m));
    const lines = [`etcdctl set /bench/k${i % 50} v${i}`, ...(i % 7 === 0 ? [MIX[(i / 7) % MIX.length]!] : [])];
    for (const line of lines) {
      const m = up[i % up.length]!;
      const r = await c.exec(m, line, { timeoutMs: 5000 });
      out = fnv(`${m}$ ${line}\n${r.stdout}\x00${r.stderr}\x00${r.exitCode}\x00${c.now()}\n`, out);
    }
    await c.advance(100);
    const leader = i % 100 === 99 ? c.leader() : undefined;
    if (leader) {
      c.kill(leader);
      down.add(leader);
    }
    if (i % 100 === 19) for (const m of down) (c.boot(m), down.delete(m));
  }
  console.log(`serial: outputs ${out.toString(16)}, trace ${c.sim.world.trace.digest()}`);
}

void main();
