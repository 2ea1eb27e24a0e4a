import type { CommandNode } from './ast.ts';
import type { Ctx, Interpreter } from './interpreter.ts';
import type { IO } from './redirect.ts';
import { createSignal } from './signal.ts';
import { cloneState, endStatus } from './state.ts';
import { Pipe } from './streams.ts';

/** What a pipeline needs of the interpreter. */
type Runner = Pick<Interpreter, 'host' | 'runCommand'>;

/**
 * `a | b | c`: every element runs at once in a subshell, connected by pipes. A writer whose
 * reader has gone gets SIGPIPE (141). The status is the last element's, or under `set -o
 * pipefail` the last one that failed.
 */
export async function runPipe(it: Runner, cmds: readonly CommandNode[], ctx: Ctx): Promise<number> {
  const n = cmds.length;
  const pipes = Array.from({ length: n - 1 }, () => new Pipe(it.host));
  const broken: boolean[] = [];
  const runs = cmds.map(async (cmd, i) => {
    const ctl = createSignal(ctx.signal);
    if (i < n - 1) {
      pipes[i]!.onBroken = () => {
        broken[i] = true;
        ctl.interrupt('SIGTERM');
      };
    }
    const io: IO = {
      stdin: i === 0 ? ctx.io.stdin : pipes[i - 1]!,
      stdout: i === n - 1 ? ctx.io.stdout : pipes[i]!,
      stderr: ctx.io.stderr,
    };
    try {
      const state = cloneState(ctx.state);
      const code = endStatus(state, await it.runCommand(cmd, { state, io, signal: ctl.signal }));
      return broken[i] ? 141 : code;
    } finally {
      if (i < n - 1) pipes[i]!.close();
      if (i > 0) pipes[i - 1]!.closeRead();
    }
  });
  const codes = await Promise.all(runs);
  let status = codes[n - 1]!;
  if (ctx.state.options.has('pipefail')) for (const c of codes) if (c !== 0) status = c;
  return status;
}
