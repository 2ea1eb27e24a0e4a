import type { LessonSteps, StepInput } from '../../src/learn/types.ts';
import type { LessonState } from '../../src/learn/state.ts';
import type { CommandRecord } from '../../src/learn/history.ts';
import type { DiscoveryView } from '../../src/snapshot.ts';
import { lastCurlOnKey, lastEtcdctl, notYet, pass, words } from '../../src/learn/checks.ts';

const DROP_IN = '/run/systemd/system/etcd2.service.d/20-cloudinit.conf';

/** The URLs a curl command line names (undefined when the line is no curl). */
function curlUrls(line: string): URL[] | undefined {
  const w = words(line.trim());
  if (w[0] !== 'curl') return undefined;
  const out: URL[] = [];
  for (const x of w.slice(1)) {
    if (x.startsWith('-')) continue;
    try {
      out.push(new URL(/^[a-z]+:\/\//.test(x) ? x : `http://${x}`));
    } catch {
      // Not a URL (a flag's value): skip.
    }
  }
  return out;
}

/** The port a URL goes to (curl's defaults for http and https). */
const portOf = (u: URL) => u.port || (u.protocol === 'https:' ? '443' : '80');

/** The last curl (on a running machine's terminal, or any) whose URL matches. */
function lastCurl(s: LessonState, match: (u: URL, c: CommandRecord) => boolean): CommandRecord | undefined {
  for (let i = s.commands.length - 1; i >= 0; i--) {
    const c = s.commands[i]!;
    if (curlUrls(c.line)?.some((u) => match(u, c))) return c;
  }
  return undefined;
}

/** The machine a URL's host names, from the machine the command ran on. */
function hostMachine(s: LessonState, u: URL, from: string): string | undefined {
  if (u.hostname === '127.0.0.1' || u.hostname === 'localhost') return from;
  return s.machines.find((m) => s.machine(m)?.ip === u.hostname);
}

/** The machines that run (or ran, before they were killed) an etcd member. */
function members(s: LessonState): string[] {
  return s.machines.filter((m) => s.machine(m)?.etcd && s.machine(m)!.etcd!.role !== 'proxy');
}

/** The discovery token this cluster was born from: the one its members registered under. */
function clusterToken(s: LessonState): DiscoveryView | undefined {
  const ids = new Set(members(s).map((m) => s.machine(m)!.etcd!.id));
  return s.discovery().find((d) => d.registered.some((r) => ids.has(r.id)));
}

/** Virtual ms of the last input of `kind` ('kill', 'boot'), or -1. */
function lastInput(s: LessonState, kind: 'kill' | 'boot'): number {
  let t = -1;
  for (const { t: at, input } of s.inputs) if (input.kind === kind) t = at;
  return t;
}

const majority = (n: number) => Math.floor(n / 2) + 1;
const runningMembers = (s: LessonState) => members(s).filter((m) => s.running(m));
const downMembers = (s: LessonState) => members(s).filter((m) => !s.running(m));
/** Members whose machine is off (not merely booting): what the Boot button is for. */
const deadMembers = (s: LessonState) => members(s).filter((m) => ['crashed', 'off'].includes(s.machine(m)!.power));
const leaderOr = (s: LessonState) => s.leader() ?? 'the leader';
/** Solution inputs: kill whichever member leads when played, and give the others time to elect. */
const KILL_LEADER: StepInput[] = [
  { action: 'late', input: (s) => ({ action: 'kill', machine: s.leader()! }) },
  { action: 'advance', ms: 3000 },
];
/** A solution input: `line` typed on the first member still running (worked out when played). */
const onRunning = (line: string): StepInput => ({ action: 'late', input: (s) => ({ machine: runningMembers(s)[0]!, line }) });
/** The machine of the last write tried (the one member left while the majority was lost). */
const survivor = (s: LessonState) => [...s.commands].reverse().find((c) => writtenKey(c.line) !== undefined && s.running(c.machine))?.machine ?? runningMembers(s)[0]!;

/** A write of a key through etcdctl or curl: the key, or undefined if the line is no write. */
function writtenKey(line: string): string | undefined {
  const w = words(line.trim());
  const i = w[0] === 'sudo' ? 1 : 0;
  if (w[i] === 'etcdctl') {
    const sub = w.slice(i + 1).find((x) => !x.startsWith('-'));
    if (!sub || !['set', 'mk', 'update', 'mkdir', 'setdir', 'rm', 'rmdir', 'updatedir'].includes(sub)) return undefined;
    return w.slice(w.indexOf(sub) + 1).find((x) => !x.startsWith('-'));
  }
  const urls = curlUrls(line);
  const method = w.find((x, j) => w[j - 1] === '-X' || w[j - 1] === '--request') ?? w.find((x) => /^-X[A-Z]+$/.test(x))?.slice(2);
  const u = urls?.find((x) => x.pathname.startsWith('/v2/keys/'));
  if (!u || !method || !['PUT', 'POST', 'DELETE'].includes(method.toUpperCase())) return undefined;
  return u.pathname.slice('/v2/keys'.length);
}

const lesson: LessonSteps = {
  scenario: { machines: 3, seed: 33, terminal: 'core-01' },
  steps: [
    {
      id: 'ports',
      check: (s) => {
        const on = (port: string) => lastCurl(s, (u) => portOf(u) === port && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || s.machines.some((m) => s.machine(m)?.ip === u.hostname)));
        if (!on('2379')) return notYet('Ask etcd on port 2379: curl -w "\\n" http://127.0.0.1:2379/version.');
        if (!on('4001')) return notYet('Now the legacy port: curl -w "\\n" http://127.0.0.1:4001/version.');
        return pass();
      },
      hints: ['Click the two curl commands in the text, one after the other.', 'Both print the same version: one etcd2 listens on both ports.'],
      solution: [
        { machine: 'core-01', line: 'curl -w "\\n" http://127.0.0.1:2379/version' },
        { machine: 'core-01', line: 'curl -w "\\n" http://127.0.0.1:4001/version' },
      ],
    },
    {
      id: 'configuration',
      check: (s) => {
        const read = s.commands.some((c) => c.line.includes('20-cloudinit.conf') || /etcd2\.service\.d\/?(\s|$)/.test(c.line));
        if (!read) return notYet(`Look at the drop-in coreos-cloudinit wrote: cat ${DROP_IN}.`);
        return pass();
      },
      hints: [`Run \`cat ${DROP_IN}\`.`, 'Then `cat /usr/lib/systemd/system/etcd2.service` for the unit it adds to.'],
      solution: [
        { machine: 'core-01', line: `cat ${DROP_IN}` },
        { machine: 'core-01', line: 'cat /usr/lib/systemd/system/etcd2.service' },
      ],
    },
    {
      id: 'registry',
      check: (s) => {
        const token = clusterToken(s);
        if (!token) return notYet('This cluster has no discovery token: its members did not register anywhere.');
        const looked = lastCurl(s, (u, c) => u.hostname === 'discovery.etcd.io' && u.pathname.replace(/^\//, '').startsWith(token.token)) ??
          // `curl $DISCOVERY`: the URL is in a shell variable the learner filled from the drop-in.
          s.commands.find((c) => curlUrls(c.line) !== undefined && /\$\{?[A-Za-z_]/.test(c.line) && s.commands.some((d) => d.machine === c.machine && d.t <= c.t && /^\s*[A-Za-z_]\w*=/.test(d.line) && d.line.includes('20-cloudinit.conf')));
        if (!looked) return notYet(`curl the cluster's discovery URL (it is in ${DROP_IN}).`);
        return pass();
      },
      hints: [
        'Click the two lines of the first command block: the first puts the URL into $DISCOVERY, the second fetches it.',
        'Or copy the URL from the ETCD_DISCOVERY line of the drop-in and run curl -w "\\n" with it.',
      ],
      solution: [
        { machine: 'core-01', line: `DISCOVERY=$(grep -o "https://discovery.etcd.io/[0-9a-f]*" ${DROP_IN})` },
        { machine: 'core-01', line: 'curl -w "\\n" $DISCOVERY' },
        { machine: 'core-01', line: 'curl -w "\\n" $DISCOVERY/_config/size' },
      ],
    },
    {
      id: 'leader',
      check: (s) => {
        const leader = s.leader();
        if (!leader) return notYet('The cluster has no leader right now: wait for the election to end.');
        const asked = lastCurl(s, (u, c) => u.pathname.replace(/\/+$/, '') === '/v2/stats/leader' && hostMachine(s, u, c.machine) === leader);
        if (asked) return pass();
        const follower = lastCurl(s, (u) => u.pathname.replace(/\/+$/, '') === '/v2/stats/leader');
        if (follower) return notYet(`That member is a follower. Ask the leader, ${leader}: curl -w "\\n" http://${s.machine(leader)!.ip}:2379/v2/stats/leader.`);
        return notYet('Find the leader with etcdctl member list, then ask it for /v2/stats/leader.');
      },
      hints: [
        'Run `etcdctl member list`: the leader is the member with isLeader=true; its clientURLs is its address.',
        'Then `curl -w "\\n" http://<its address>:2379/v2/stats/leader`, or open its tab and use 127.0.0.1.',
      ],
      solution: [
        { machine: 'core-01', line: 'etcdctl member list' },
        { action: 'late', input: (s) => ({ machine: members(s).find((m) => m !== s.leader())!, line: 'curl -w "\\n" http://127.0.0.1:2379/v2/stats/leader' }) },
        { action: 'late', input: (s) => ({ machine: 'core-01', line: `curl -w "\\n" http://${s.machine(s.leader()!)!.ip}:2379/v2/stats/leader` }) },
      ],
    },
    {
      id: 'kill-leader',
      check: (s) => {
        const down = downMembers(s);
        if (down.length === 0) return notYet(`Kill the leader, ${leaderOr(s)}: its Kill button in the picture.`);
        const leader = s.leader();
        if (!leader) return notYet(down.length >= 2 ? `Only one member runs: boot ${down.join(' and ')} again, then kill just the leader.` : 'The others are electing a new leader: watch them.');
        const term = s.machine(leader)!.etcd!.term;
        if (!down.some((m) => s.machine(m)!.etcd!.term < term)) return notYet(`${leader} still leads, so the member you killed was a follower: boot ${down.join(' and ')} again and kill ${leader}.`);
        return pass();
      },
      hints: ['Press the Kill button on the machine marked as leader.', 'A new leader appears within about two seconds, with a higher term.'],
      solution: [
        ...KILL_LEADER,
        onRunning('etcdctl member list'),
        onRunning('etcdctl cluster-health'),
      ],
    },
    {
      id: 'no-quorum',
      check: (s) => {
        const all = members(s);
        const up = runningMembers(s);
        if (up.length >= majority(all.length)) return notYet(`${up.length} of ${all.length} members run, a majority: kill ${leaderOr(s)} too.`);
        if (up.length === 0) return notYet(`No member runs at all: boot one of ${all.join(', ')} so there is one to write to.`);
        if (s.leader()) return notYet('There is still a leader: wait a moment.');
        const since = lastInput(s, 'kill');
        const write = [...s.commands].reverse().find((c) => c.t >= since && up.includes(c.machine) && writtenKey(c.line) !== undefined);
        if (!write) return notYet(`Try to write on ${up[0]}: etcdctl set /message hello.`);
        const key = writtenKey(write.line)!;
        if (write.etcdIndex !== undefined && s.events(key).some((e) => e.node.modifiedIndex > write.etcdIndex!)) return notYet(`The write to ${key} went through: it ran before the majority was lost. Try again.`);
        return pass();
      },
      hints: [
        'Kill the new leader. The last member keeps starting elections it cannot win.',
        'In the terminal of the machine still running, run `etcdctl set /message hello` and wait a few seconds.',
      ],
      solution: [
        ...KILL_LEADER,
        onRunning('etcdctl set /message hello'),
        onRunning('curl -w "\\n" http://127.0.0.1:2379/health'),
      ],
    },
    {
      id: 'recover',
      check: (s) => {
        const dead = deadMembers(s);
        if (dead.length) return notYet(`Boot ${dead.join(' and ')} again.`);
        const booting = downMembers(s);
        if (booting.length) return notYet(`${booting.join(' and ')} ${booting.length > 1 ? 'are' : 'is'} booting.`);
        if (!s.leader()) return notYet('All members run: they are electing a leader.');
        if (s.value('/message') !== 'hello') return notYet('Now write again: etcdctl set /message hello.');
        const write = lastEtcdctl(s, ['set', 'mk', 'update'], '/message') ?? lastCurlOnKey(s, '/message', 'PUT');
        if (!write || write.t < lastInput(s, 'boot')) return notYet('Write /message again now that the cluster is back: etcdctl set /message hello.');
        return pass();
      },
      hints: ['Press Boot on each machine that is down.', 'When a leader is back, run `etcdctl set /message hello` again: this time it works.'],
      solution: [
        { action: 'late', input: (s) => ({ action: 'boot', machine: deadMembers(s)[0]! }) },
        { action: 'late', input: (s) => ({ action: 'boot', machine: deadMembers(s)[0]! }) },
        { action: 'advance', ms: 15_000 },
        { action: 'late', input: (s) => ({ machine: survivor(s), line: 'etcdctl set /message hello' }) },
        { action: 'late', input: (s) => ({ machine: survivor(s), line: 'etcdctl member list' }) },
      ],
      settleMs: 30_000,
    },
  ],
};

export default lesson;
