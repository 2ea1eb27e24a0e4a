import type { TraceEvent, WorldInput } from '../sim/trace.ts';

/** A command line typed (or played) into a machine's shell since the lesson began. */
export interface CommandRecord {
  /** Virtual ms it started. */
  t: number;
  machine: string;
  line: string;
  pid: number;
  /** Ctrl-C (or a timeout) was sent to it. */
  interrupted: boolean;
  /** The etcd index of that machine's member when it started (undefined: no etcd there). */
  etcdIndex: number | undefined;
}

/**
 * What the learner did, from the world's input trace: the commands typed, with the etcd index
 * at the time (so a check can tell that a key changed after a watch began), and other inputs.
 */
export class InputHistory {
  readonly commands: CommandRecord[] = [];
  readonly inputs: { t: number; input: WorldInput }[] = [];
  private unsubscribe: () => void;

  constructor(
    subscribe: (l: (e: TraceEvent) => void) => () => void,
    private etcdIndexOf: (machine: string) => number | undefined,
  ) {
    this.unsubscribe = subscribe((e) => {
      if (e.type === 'input') this.onInput(e.t, e.input);
    });
  }

  private onInput(t: number, input: WorldInput): void {
    this.inputs.push({ t, input });
    if (input.kind === 'exec') {
      this.commands.push({ t, machine: input.machine, line: input.line, pid: input.pid, interrupted: false, etcdIndex: this.etcdIndexOf(input.machine) });
    } else if (input.kind === 'signal') {
      const c = this.commands.find((x) => x.pid === input.pid && x.machine === input.machine);
      if (c) c.interrupted = true;
    }
  }

  /** Forget everything (the lesson was reset). */
  clear(): void {
    this.commands.length = 0;
    this.inputs.length = 0;
  }

  dispose(): void {
    this.unsubscribe();
  }
}
