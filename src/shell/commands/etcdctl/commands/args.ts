import { GoError } from '../client/errors.ts';
import type { CliContext } from '../cli/types.ts';
import { ExitBadArgs, ExitServerError, type Runtime } from '../runtime.ts';

/** Helpers the key commands share (etcdctl/command/util.go, error.go). */

/** `Error:  key required`, exit 1, when no key argument was given. */
export function requireKey(rt: Runtime, c: CliContext): string {
  const key = c.args()[0];
  if (key === undefined) rt.fail(ExitBadArgs, 'key required');
  return key;
}

/**
 * argOrStdin: the i-th argument, else all of stdin (newline included, as ioutil.ReadAll reads
 * it); `Error:  value required` when neither gives anything. A terminal stdin counts as empty
 * here rather than waiting for Ctrl-D. Only stdin is read asynchronously: a value given as an
 * argument (nearly always) comes back as it is, with no async function's promise around it.
 */
export function requireValue(rt: Runtime, c: CliContext, i: number): string | Promise<string> {
  const args = c.args();
  if (i < args.length) return args[i]!;
  return valueFromStdin(rt);
}

async function valueFromStdin(rt: Runtime): Promise<string> {
  const stdin = rt.proc.stdin;
  const data = stdin.isTTY ? '' : await stdin.readAll();
  if (data === '') rt.fail(ExitBadArgs, 'value required');
  return data;
}

/** The result, or `Error:  <err>` and exit 4 (ExitServerError) as the key commands do. */
export function orFail<T>(rt: Runtime, r: T | GoError, code = ExitServerError): T {
  if (r instanceof GoError) rt.fail(code, r);
  return r as T;
}
