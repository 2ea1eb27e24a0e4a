import type { Runtime } from '../runtime.ts';
import type { FlagDef, FlagSet, FlagValue } from './flag.ts';

/** A codegangsta/cli Command: a leaf with an action, or a group with subcommands. */
export interface CliCommand {
  name: string;
  aliases?: string[];
  usage: string;
  argsUsage?: string;
  description?: string;
  flags?: FlagDef[];
  subcommands?: CliCommand[];
  action?: (c: CliContext) => Promise<void>;
}

/** A cli App (etcdctl itself, or the app cli builds for a command with subcommands). */
export interface CliApp {
  name: string;
  helpName: string;
  usage: string;
  version: string;
  flags: FlagDef[];
  /** Each with its help name ("etcdctl set") resolved. */
  commands: { cmd: CliCommand; helpName: string }[];
}

/**
 * cli's Context: this level's parsed flags, and the levels above for Global* lookups. `rt` is
 * the invocation the (shared, immutable) command tree runs for.
 */
export class CliContext {
  readonly rt: Runtime;
  readonly parent?: CliContext;

  constructor(
    readonly app: CliApp,
    readonly set: FlagSet,
    parentOrRt: CliContext | Runtime,
  ) {
    if (parentOrRt instanceof CliContext) {
      this.parent = parentOrRt;
      this.rt = parentOrRt.rt;
    } else this.rt = parentOrRt;
  }

  args(): string[] {
    return this.set.args;
  }

  private local(name: string): FlagValue | undefined {
    return this.set.get(name);
  }

  private global(name: string): FlagValue | undefined {
    for (let c = this.parent; c; c = c.parent) {
      const v = c.set.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  bool(name: string): boolean {
    return this.local(name) === true;
  }

  string(name: string): string {
    const v = this.local(name);
    return typeof v === 'string' ? v : '';
  }

  int(name: string): number {
    const v = this.local(name);
    return typeof v === 'number' ? v : 0;
  }

  globalBool(name: string): boolean {
    return this.global(name) === true;
  }

  globalString(name: string): string {
    const v = this.global(name);
    return typeof v === 'string' ? v : '';
  }

  /** Milliseconds. */
  globalDuration(name: string): number {
    const v = this.global(name);
    return typeof v === 'number' ? v : 0;
  }
}
