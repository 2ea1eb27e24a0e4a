import type { Builtin } from '../registry.ts';

function count(arg: string | undefined, name: string, write: (s: string) => void): number | undefined {
  if (arg === undefined) return 1;
  if (!/^\d+$/.test(arg) || Number(arg) < 1) {
    write(`bash: ${name}: ${arg}: loop count out of range\n`);
    return undefined;
  }
  return Number(arg);
}

function loopControl(kind: 'break' | 'continue'): Builtin {
  return async (proc, sh) => {
    const st = sh.state;
    if (st.loopDepth === 0) {
      proc.stderr.write(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    const n = count(proc.argv[1], kind, (s) => proc.stderr.write(s));
    if (n === undefined) return 1;
    st.loopCtl = { kind, n: Math.min(n, st.loopDepth) };
    return 0;
  };
}

/** `break [n]` and `continue [n]`. */
export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');

/** common.c get_exitstat: the status argument; a second one is complained about and ignored. */
function status(args: string[], name: string, fallback: number, write: (s: string) => void): number {
  const arg = args[1];
  if (arg === undefined) return fallback;
  if (!/^-?\d+$/.test(arg)) {
    write(`bash: ${name}: ${arg}: numeric argument required\n`);
    return name === 'exit' ? 255 : 2;
  }
  if (args.length > 2) write(`bash: ${name}: too many arguments\n`);
  return ((Number(arg) % 256) + 256) % 256;
}

/** `return [n]`: ends the function (or sourced file) being run; elsewhere an error (status 2). */
export const returnBuiltin: Builtin = async (proc, sh) => {
  if (sh.state.callDepth === 0) {
    proc.stderr.write("bash: return: can only `return' from a function or sourced script\n");
    return 2;
  }
  const code = status(proc.argv, 'return', sh.state.status, (s) => proc.stderr.write(s));
  sh.state.returning = code;
  return code;
};

/** `exit [n]`: ends the shell; in the playground's terminal it ends the line being run. */
export const exitBuiltin: Builtin = async (proc, sh) => {
  const code = status(proc.argv, 'exit', sh.state.status, (s) => proc.stderr.write(s));
  sh.state.exit = code;
  return code;
};
