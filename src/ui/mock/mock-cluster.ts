import { World } from '../../sim/world.ts';
import { yieldToEventLoop } from '../../driver.ts';
import type { RunningCommand, SimClusterApi } from '../../cluster-api.ts';
import type { ClusterSnapshot, MachineSnapshot } from '../../snapshot.ts';
import type { OutputStream } from '../../shell/process.ts';
import type { WorldInput } from '../../sim/trace.ts';
import { MockMember } from './mock-member.ts';
import { completeMock, runMockCommand } from './mock-shell.ts';

/**
 * A stand-in SimClusterApi (mini Raft over the real world, network and trace) so the screen can
 * be built before the real simulation exists. Replaced by createSimCluster from src/cluster.ts.
 */
export async function createMockCluster(opts: { machines?: number; seed?: number } = {}): Promise<SimClusterApi> {
  const n = opts.machines ?? 3;
  const world = new World({ seed: opts.seed ?? 1 });
  const names = Array.from({ length: n }, (_, i) => `core-${String(i + 1).padStart(2, '0')}`);
  const power = new Map<string, MachineSnapshot['power']>();
  const members = new Map<string, MockMember>();
  const files = new Map<string, string>();
  let partitions: string[][] = [];
  let pid = 0;

  names.forEach((name, i) => {
    world.net.addAddress(`172.17.8.${101 + i}`, name);
    const id = world.rng.hex(16);
    members.set(name, new MockMember(world, name, id, () => names.filter((p) => p !== name)));
  });

  const setPower = (name: string, state: MachineSnapshot['power']) => {
    power.set(name, state);
    world.trace.emit({ t: world.now(), type: 'host.power', host: name, state });
  };

  const boot = (name: string) => {
    if (power.get(name) === 'running' || power.get(name) === 'booting') return;
    setPower(name, 'booting');
    world.clock.setTimeout(() => {
      if (power.get(name) !== 'booting') return;
      world.net.setUp(name, true);
      setPower(name, 'running');
      members.get(name)!.start();
    }, 400 + world.rng.int(0, 200));
  };

  for (const name of names) boot(name);
  // Run until a leader is elected, like the real createSimCluster.
  for (let i = 0; i < 200_000 && ![...members.values()].some((m) => m.role === 'leader'); i++) {
    if (!world.clock.step()) break;
  }

  const input = (i: WorldInput) => world.trace.emit({ t: world.now(), type: 'input', input: i });

  const api: SimClusterApi = {
    seed: world.seed,
    machines: () => [...names],
    now: () => world.now(),
    runUntil: (t) => world.runUntil(t, yieldToEventLoop),
    async step() {
      const at = world.clock.nextAt();
      if (at === undefined) return undefined;
      world.clock.step();
      while (world.takeWake()) await yieldToEventLoop();
      return at;
    },
    snapshot(): ClusterSnapshot {
      const now = world.now();
      return {
        now,
        machines: names.map((name, i) => {
          const p = power.get(name) ?? 'off';
          const m = members.get(name)!;
          const etcd = p === 'running' ? m.snapshot(now) : { ...m.snapshot(now), role: 'offline' as const };
          return { name, ip: `172.17.8.${101 + i}`, power: p, etcd };
        }),
        partitions: partitions.map((g) => [...g]),
        net: { ...world.net.config },
      };
    },
    subscribe: (l) => world.trace.subscribe(l),
    recentTrace: () => world.trace.recent(),
    kill(name) {
      if (!names.includes(name) || power.get(name) === 'crashed' || power.get(name) === 'off') return;
      input({ kind: 'kill', machine: name });
      world.net.setUp(name, false);
      members.get(name)!.stop();
      setPower(name, 'crashed');
    },
    boot(name) {
      if (!names.includes(name)) return;
      input({ kind: 'boot', machine: name });
      boot(name);
    },
    partition(groups) {
      input({ kind: 'partition', groups });
      partitions = groups.map((g) => [...g]);
      world.net.partition(groups);
    },
    heal() {
      input({ kind: 'heal' });
      partitions = [];
      world.net.heal();
    },
    setNetwork(c) {
      input({ kind: 'net', ...c });
      world.net.configure(c);
    },
    spawn(machine: string, line: string, io: { stdout: OutputStream; stderr: OutputStream }): RunningCommand {
      const id = ++pid;
      input({ kind: 'exec', machine, line, pid: id });
      let interrupted: (() => void) | undefined;
      const member = members.get(machine);
      const done =
        member && power.get(machine) === 'running'
          ? runMockCommand({ world, machine, line, io, member, files, onInterrupt: (f) => (interrupted = f) })
          : Promise.resolve(255);
      return {
        done,
        interrupt() {
          input({ kind: 'signal', machine, pid: id, signal: 'SIGINT' });
          interrupted?.();
        },
      };
    },
    complete: (_machine, line) => completeMock(line),
    readFile: (machine, path) => files.get(`${machine}:${path}`),
    writeFile(machine, path, content) {
      input({ kind: 'writeFile', machine, path, content });
      files.set(`${machine}:${path}`, content);
    },
  };
  return api;
}
