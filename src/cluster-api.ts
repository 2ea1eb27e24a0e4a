import type { ClusterSnapshot, DiscoveryView } from './snapshot.ts';
import type { TraceEvent } from './sim/trace.ts';
import type { OutputStream } from './shell/process.ts';

/** A command started in a terminal: its exit code when it ends, and Ctrl-C. */
export interface RunningCommand {
  readonly done: Promise<number>;
  /** Ctrl-C by default; `timeout` when a caller's time limit ran out. */
  interrupt(reason?: 'SIGINT' | 'timeout'): void;
}

export interface AddMachineOptions {
  /** Cloud-config of the new machine; default: the one the cluster was created with. */
  userData?: string;
}

export interface RecreateOptions {
  machines: number;
  userData: string;
}

/**
 * The simulation as the screen drives it (richer than the headless API): time is advanced by the
 * caller, inputs go in, snapshots and trace events come out.
 */
export interface SimClusterApi {
  readonly seed: number;
  machines(): string[];
  now(): number;
  /** Runs the world up to virtual time `t` (ms), letting commands' continuations run. */
  runUntil(t: number): Promise<void>;
  /** Runs exactly the next event; resolves with its time (or undefined if nothing is scheduled). */
  step(): Promise<number | undefined>;
  snapshot(): ClusterSnapshot;
  /** Trace events as they happen. Returns an unsubscriber. */
  subscribe(listener: (e: TraceEvent) => void): () => void;
  recentTrace(): readonly TraceEvent[];
  kill(machine: string): void;
  boot(machine: string): void;
  partition(groups: string[][]): void;
  heal(): void;
  setNetwork(c: { loss?: number; latencyMs?: number; jitterMs?: number }): void;
  /** Starts a command line in a machine's shell (one shell per machine, like `vagrant ssh`). */
  spawn(machine: string, line: string, io: { stdout: OutputStream; stderr: OutputStream }): RunningCommand;
  /** Tab completion for a terminal line. */
  complete(machine: string, lineBeforeCursor: string): string[];
  /** Whether a typed text needs more lines before it runs (the terminal then prompts `> `). */
  isIncomplete(machine: string, text: string): boolean;
  readFile(machine: string, path: string): string | undefined;
  writeFile(machine: string, path: string, content: string): void;
  /** `vagrant up` of one more machine (core-0N after the highest), powered on at once; its name. */
  addMachine(opts?: AddMachineOptions): string;
  /** `vagrant destroy` of one machine: gone from the world and the list. */
  destroyMachine(name: string): void;
  /** Destroys every machine, then brings up `machines` fresh ones (the world and its discovery tokens stay). */
  recreate(opts: RecreateOptions): void;
  /** The discovery service's registries. */
  discovery(): DiscoveryView[];
}
