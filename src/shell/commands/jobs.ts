import type { SignalName } from '../process.ts';
import type { Builtin } from '../registry.ts';
import type { Job, ShellState } from '../state.ts';

/** Linux's signals by number, as `kill -l` names them (32 and 33 belong to glibc: no name). */
const SIGNALS: string[] = [
  '', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM',
  'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS', '', '',
];
for (let i = 34; i <= 64; i++) SIGNALS[i] = i === 34 ? 'RTMIN' : i <= 49 ? `RTMIN+${i - 34}` : i < 64 ? `RTMAX-${64 - i}` : 'RTMAX';

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

/** A signal by name (`TERM`, `SIGTERM`, any case) or number; undefined when bash would not know it. */
function signalNumber(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec) < SIGNALS.length && (Number(spec) === 0 || SIGNALS[Number(spec)]) ? Number(spec) : undefined;
  const name = spec.toUpperCase().replace(/^SIG/, '');
  const n = SIGNALS.indexOf(name);
  return name !== '' && n > 0 ? n : undefined;
}

/** `kill -l`: five to a row (trap.c display_signal_list). */
function signalList(): string {
  let out = '';
  let column = 0;
  for (let i = 1; i < SIGNALS.length; i++) {
    if (!SIGNALS[i]) continue;
    out += `${String(i).padStart(2)}) SIG${SIGNALS[i]}`;
    if (++column < 5) out += '\t';
    else {
      out += '\n';
      column = 0;
    }
  }
  return column === 0 ? out : out + '\n';
}

/** A `%n` or pid argument's job; a string is bash's complaint. */
function findJob(st: ShellState, arg: string, builtin: string): Job | 'nojob' | 'nopid' | undefined {
  if (arg.startsWith('%')) {
    const n = arg === '%' || arg === '%%' || arg === '%+' ? Math.max(0, ...st.jobs.filter((j) => j.status === undefined).map((j) => j.n)) : Number(arg.slice(1));
    return latest(st.jobs, (j) => j.n === n && (j.status === undefined || builtin === 'wait')) ?? 'nojob';
  }
  if (!/^\d+$/.test(arg)) return undefined;
  return latest(st.jobs, (j) => j.pid === Number(arg)) ?? 'nopid';
}

function latest(jobs: readonly Job[], test: (j: Job) => boolean): Job | undefined {
  for (let i = jobs.length - 1; i >= 0; i--) if (test(jobs[i]!)) return jobs[i];
  return undefined;
}

/**
 * bash's kill, for what the playground has processes for: this shell's background jobs (and
 * the shell itself, which an interactive bash keeps alive through SIGTERM).
 */
export const kill: Builtin = async (proc, sh) => {
  const args = proc.argv.slice(1);
  const err = (s: string) => proc.stderr.write(`bash: kill: ${s}\n`);
  let sig = 15;
  if (args[0] === '-l' || args[0] === '-L') {
    proc.stdout.write(signalList());
    return 0;
  }
  if (args[0] === '-s' || args[0] === '-n') {
    const spec = args[1];
    if (spec === undefined) {
      err(`${args[0]}: option requires an argument`);
      return 2;
    }
    const n = signalNumber(spec);
    if (n === undefined) {
      err(`${spec}: invalid signal specification`);
      return 1;
    }
    sig = n;
    args.splice(0, 2);
  } else if (args[0] !== undefined && args[0].startsWith('-') && args[0] !== '--') {
    const n = signalNumber(args[0].slice(1));
    if (n === undefined) {
      err(`${args[0].slice(1)}: invalid signal specification`);
      return 1;
    }
    sig = n;
    args.shift();
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    proc.stderr.write(KILL_USAGE);
    return 2;
  }
  const st = sh.state;
  let status = 0;
  for (const a of args) {
    if (a === String(st.pid)) continue;
    const job = findJob(st, a, 'kill');
    if (job === undefined) {
      err(`${a}: arguments must be process or job IDs`);
      status = 1;
    } else if (job === 'nojob') {
      err(`${a}: no such job`);
      status = 1;
    } else if (job === 'nopid' || job.status !== undefined) {
      err(`(${job === 'nopid' ? a : job.pid}) - No such process`);
      status = 1;
    } else if (sig !== 0) {
      // The playground's processes know two ways to end: the terminal's Ctrl-C and the rest.
      job.signal((sig === 2 ? 'SIGINT' : 'SIGTERM') as SignalName);
    }
  }
  return status;
};

/** bash's wait: for every background job, or for the ones named; the last one's status. */
export const wait: Builtin = async (proc, sh) => {
  const st = sh.state;
  const args = proc.argv.slice(1);
  const targets: Job[] = [];
  let status = 0;
  for (const a of args) {
    const job = findJob(st, a, 'wait');
    if (job === undefined) {
      proc.stderr.write(`bash: wait: \`${a}': not a pid or valid job spec\n`);
      return 2;
    }
    if (typeof job === 'string') {
      proc.stderr.write(job === 'nojob' ? `bash: wait: ${a}: no such job\n` : `bash: wait: pid ${a} is not a child of this shell\n`);
      status = 127;
    } else targets.push(job);
  }
  const all = args.length === 0;
  if (all) targets.push(...st.jobs.filter((j) => j.status === undefined));
  for (const job of targets) {
    // Ctrl-C ends the wait (bash: 128 + SIGINT), not the job.
    const interrupted = await new Promise<boolean>((resolve) => {
      const off = proc.signal.onAbort(() => resolve(true));
      void job.done.then(() => {
        off();
        resolve(false);
      });
    });
    if (interrupted) return 130;
    status = job.status ?? 0;
  }
  return all ? 0 : status;
};
