import type { LessonSteps } from '../../src/learn/types.ts';
import type { LessonState } from '../../src/learn/state.ts';
import type { DiscoveryView } from '../../src/snapshot.ts';
import { notYet, parseEtcdctl, pass, words } from '../../src/learn/checks.ts';
import { parseCloudConfig } from '../../src/cloudconfig/config.ts';
import { validate } from '../../src/cloudconfig/validate.ts';

const USER_DATA = '/home/core/user-data';
/** Machines of the cluster the learner builds. */
const SIZE = 3;

/** The cloud-config the text asks for, with the learner's discovery URL. */
export function clusterUserData(discoveryUrl: string): string {
  return `#cloud-config

coreos:
  etcd2:
    discovery: ${discoveryUrl}
    advertise-client-urls: http://$private_ipv4:2379
    initial-advertise-peer-urls: http://$private_ipv4:2380
    listen-client-urls: http://0.0.0.0:2379,http://0.0.0.0:4001
    listen-peer-urls: http://$private_ipv4:2380,http://$private_ipv4:7001
  fleet:
    public-ip: $private_ipv4
  units:
    - name: etcd2.service
      command: start
    - name: fleet.service
      command: start
`;
}

/**
 * The tokens the learner minted. The lesson's machines boot with an empty cloud-config, so the
 * world mints none itself: every token of the discovery service is one a curl asked for.
 */
const tokens = (s: LessonState): DiscoveryView[] => s.discovery();

/** The newest token nobody registered under yet: the one to write into the cloud-config. */
function freshToken(s: LessonState): DiscoveryView | undefined {
  return tokens(s).filter((d) => d.registered.length === 0 && d.size === SIZE).at(-1) ?? tokens(s).at(-1);
}

/** The discovery URL a cloud-config names in coreos.etcd2. */
function discoveryOf(text: string): string | undefined {
  const p = parseCloudConfig(text);
  return 'error' in p ? undefined : p.config.coreos.etcd2?.discovery;
}

/** What is missing from a cloud-config for the cluster of this lesson, or undefined. */
function userDataProblem(s: LessonState, text: string | undefined): string | undefined {
  if (text === undefined) return `There is no ${USER_DATA} on core-01.`;
  const p = parseCloudConfig(text);
  if ('error' in p) return `The file is not a cloud-config yet: ${p.error}.`;
  const etcd2 = p.config.coreos.etcd2;
  if (!etcd2) return 'It has no etcd2 section: etcd2: goes under coreos:, indented by two spaces.';
  const url = etcd2.discovery;
  if (!url) return 'The etcd2 section has no discovery: line with your discovery URL.';
  const token = tokens(s).find((d) => d.url === url.replace(/\/+$/, ''));
  if (!token) return `discovery: ${url} is not a URL the discovery service gave you: copy the one curl printed.`;
  if (token.size !== SIZE) return `That token was made for ${token.size ?? 'an unknown number of'} members: ask for a new one with ?size=3.`;
  if (token.registered.length > 0) return 'That token is used already (members registered under it): get a new one, a token serves one cluster only.';
  const ip = /\$(private|public)_ipv4/;
  const urls: [string, string, string][] = [
    ['advertise_client_urls', 'advertise-client-urls', ':2379'],
    ['initial_advertise_peer_urls', 'initial-advertise-peer-urls', ':2380'],
    ['listen_client_urls', 'listen-client-urls', ':2379'],
    ['listen_peer_urls', 'listen-peer-urls', ':2380'],
  ];
  for (const [key, name, port] of urls) {
    const v = etcd2[key];
    if (!v) return `The etcd2 section has no ${name}: line.`;
    if (!v.includes(port)) return `${name} should include port ${port.slice(1)}.`;
    if (key.includes('advertise') && !ip.test(v)) return `${name} should use $private_ipv4, so that each machine advertises its own address.`;
  }
  for (const unit of ['etcd2.service', 'fleet.service']) {
    const u = p.config.coreos.units.find((x) => x.name === unit);
    if (!u) return `units: has no ${unit}.`;
    if (u.command !== 'start') return `${unit} needs command: start, or it never runs.`;
  }
  return undefined;
}

/** The machine whose user-data is closest to done (the editor may have been used on any). */
function bestUserData(s: LessonState): { machine: string; problem: string | undefined } {
  let first: { machine: string; problem: string | undefined } | undefined;
  for (const m of s.machines) {
    const problem = userDataProblem(s, s.file(m, USER_DATA));
    if (!problem) return { machine: m, problem };
    first ??= { machine: m, problem };
  }
  return first ?? { machine: 'core-01', problem: 'There is no machine.' };
}

/**
 * Whether `machine`'s user-data was validated since it was last written (the editor's Save is
 * an input; inputs are in order even when they share a virtual moment). Undefined: never.
 */
function validatedSinceWritten(s: LessonState, machine: string): boolean | undefined {
  for (let i = s.inputs.length - 1; i >= 0; i--) {
    const x = s.inputs[i]!.input;
    if (x.kind === 'writeFile' && x.machine === machine && x.path === USER_DATA) return s.commands.some((c) => c.machine === machine && isValidate(c.line)) ? false : undefined;
    if (x.kind === 'exec' && x.machine === machine && isValidate(x.line)) return true;
  }
  return undefined;
}

/** Virtual ms the machines were last recreated (the editor's "Boot new cluster"), or -1. */
function lastRecreate(s: LessonState): number {
  let t = -1;
  for (const { t: at, input } of s.inputs) if (input.kind === 'recreate') t = at;
  return t;
}

/**
 * A token of the learner's with its size of registrations, every one of them a member running
 * on a machine of the world now, and a leader: the cluster booted from that token.
 */
function formedCluster(s: LessonState): { token: DiscoveryView; members: string[] } | string {
  let why = 'No machine has registered under your token yet: boot new machines from the user-data (Boot new cluster, 3 machines).';
  for (const d of tokens(s)) {
    if (d.size === undefined || d.registered.length === 0) continue;
    if (d.size < SIZE) {
      why = `Your token is for a cluster of ${d.size}: a cluster needs at least three members (see lesson 3). Get a token with ?size=3 and boot from it.`;
      continue;
    }
    if (d.registered.length < d.size) {
      why = `${d.registered.length} of ${d.size} members have registered under your token so far: boot ${d.size} machines from it.`;
      continue;
    }
    const members = d.registered.slice(0, d.size).map((r) => s.machines.find((m) => s.machine(m)?.etcd?.id === r.id));
    if (members.some((m) => m === undefined)) {
      why = 'Machines that registered under your token are gone: boot a new cluster, from a fresh token.';
      continue;
    }
    const down = (members as string[]).filter((m) => !s.running(m) || s.etcdMode(m) !== 'member');
    if (down.length) return `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down: boot ${down.length > 1 ? 'them' : 'it'} again.`;
    if (!s.leader()) return 'The members have registered; they are electing a leader.';
    return { token: d, members: members as string[] };
  }
  return why;
}

const lesson: LessonSteps = {
  // Three CoreOS machines with nothing configured: no etcd runs until the learner's cloud-config.
  scenario: { machines: 3, seed: 22, userData: '#cloud-config\n', terminal: 'core-01' },
  steps: [
    {
      id: 'discovery-token',
      check: (s) => {
        const ts = tokens(s);
        if (ts.length === 0) return notYet('Ask discovery.etcd.io for a token: curl -w "\\n" "https://discovery.etcd.io/new?size=3".');
        if (!ts.some((d) => d.size === SIZE)) return notYet(`Your token is for ${ts.at(-1)!.size ?? 'an unknown number of'} members; ask for one with ?size=3.`);
        return pass();
      },
      hints: [
        'Type `curl -w "\\n" "https://discovery.etcd.io/new?size=3"` in the terminal, with the double quotes around the URL.',
        'The answer is a URL, https://discovery.etcd.io/ followed by 32 hex digits: that is your token.',
      ],
      solution: [
        { machine: 'core-01', line: 'etcdctl cluster-health' },
        { machine: 'core-01', line: 'curl -w "\\n" "https://discovery.etcd.io/new?size=3"' },
        { action: 'late', input: (s) => ({ machine: 'core-01', line: `curl -w "\\n" ${freshToken(s)!.url}` }) },
      ],
    },
    {
      id: 'cloud-config',
      check: (s) => {
        const { problem } = bestUserData(s);
        return problem ? notYet(`${USER_DATA}: ${problem}`) : pass();
      },
      hints: [
        `Open the Editor tab, pick ${USER_DATA} on core-01, paste the cloud-config from the text, put your URL on the discovery: line, and press Save.`,
        'Your URL is the one the curl on discovery.etcd.io/new printed in the terminal. Lost it? Run that curl again and use the new one.',
        'Indentation matters: etcd2:, fleet: and units: are indented two spaces under coreos:, their settings four.',
      ],
      solution: [{ action: 'late', input: (s) => ({ action: 'writeFile', machine: 'core-01', path: USER_DATA, content: clusterUserData(freshToken(s)!.url) }) }],
    },
    {
      id: 'validate',
      check: (s) => {
        const { machine, problem } = bestUserData(s);
        if (problem) return notYet(`${USER_DATA}: ${problem}`);
        const text = s.file(machine, USER_DATA)!;
        const findings = validate(text).entries;
        if (findings.length) return notYet(`coreos-cloudinit finds ${findings.length} problem${findings.length > 1 ? 's' : ''} in ${machine}'s user-data, the first on line ${findings[0]!.line}: ${findings[0]!.message}.`);
        const validated = validatedSinceWritten(s, machine);
        if (validated === undefined) return notYet(`Check the file on ${machine}: coreos-cloudinit -validate --from-file user-data.`);
        if (!validated) return notYet('You changed the file since you last validated it: validate it again.');
        return pass();
      },
      hints: ['In the terminal of the machine whose file you edited, run `coreos-cloudinit -validate --from-file user-data`.', 'A clean file prints just the two lines about reading it. Each problem adds a line with its line number.'],
      solution: [{ machine: 'core-01', line: 'coreos-cloudinit -validate --from-file user-data' }],
    },
    {
      id: 'boot-cluster',
      check: (s) => {
        const c = formedCluster(s);
        return typeof c === 'string' ? notYet(c) : pass();
      },
      hints: [
        'In the editor, with your user-data open, set the number next to "Boot new cluster" to 3 and press it.',
        'The machines register one after another, then elect a leader: give them a few seconds.',
      ],
      solution: [{ action: 'late', input: (s) => ({ action: 'recreate', machines: SIZE, userData: s.file(bestUserData(s).machine, USER_DATA)! }) }],
      settleMs: 60_000,
    },
    {
      id: 'cluster-health',
      check: (s) => {
        const c = formedCluster(s);
        if (typeof c === 'string') return notYet(c);
        const since = lastRecreate(s);
        const ran = [...s.commands].reverse().find((x) => x.t >= since && c.members.includes(x.machine) && isClusterHealth(x.line));
        if (!ran) return notYet('Run etcdctl cluster-health in the terminal of one of the new machines.');
        return pass();
      },
      hints: ['Click the core-01 tab and run `etcdctl cluster-health`.', 'Each member prints a line: three members, all healthy.'],
      solution: [
        { machine: 'core-01', line: 'etcdctl cluster-health' },
        { action: 'late', input: (s) => ({ machine: 'core-01', line: `curl -w "\\n" ${(formedCluster(s) as { token: DiscoveryView }).token.url}` }) },
        { machine: 'core-01', line: 'cat /etc/machine-id' },
      ],
    },
    {
      id: 'add-machine',
      check: (s) => {
        const c = formedCluster(s);
        if (typeof c === 'string') return notYet(c);
        const proxy = s.machines.find((m) => s.running(m) && s.etcdMode(m) === 'proxy');
        if (!proxy) return notYet('No machine runs etcd as a proxy yet: press Add machine.');
        if (c.token.registered.length !== c.token.size) return notYet(`${c.token.registered.length} members registered under your token for a cluster of ${c.token.size}.`);
        return pass();
      },
      hints: ['Press "Add machine" (next to the terminal tabs, or in the editor): core-04 boots from the same user-data.', 'Wait for it to boot; it is drawn as a diamond, a proxy.'],
      solution: [{ action: 'addMachine' }],
      settleMs: 30_000,
    },
    {
      id: 'proxy',
      check: (s) => {
        const proxies = s.machines.filter((m) => s.running(m) && s.etcdMode(m) === 'proxy');
        if (proxies.length === 0) return notYet('There is no proxy running: add a machine first (previous step).');
        const ran = [...s.commands].reverse().find((x) => proxies.includes(x.machine) && isMemberList(x.line));
        if (!ran) return notYet(`Run etcdctl member list on ${proxies[0]}.`);
        return pass();
      },
      hints: ['Click the core-04 tab, then run `journalctl -u etcd2` and `etcdctl member list` there.', 'The member list has the three members of the cluster; core-04 is not one of them.'],
      solution: [
        { machine: 'core-04', line: 'journalctl -u etcd2' },
        { machine: 'core-04', line: 'etcdctl member list' },
      ],
    },
  ],
};

const isClusterHealth = (line: string) => parseEtcdctl(line)?.sub === 'cluster-health';
const isMemberList = (line: string) => {
  const p = parseEtcdctl(line);
  return p?.sub === 'member' && p.args[0] === 'list';
};
const isValidate = (line: string) => {
  const w = words(line.trim());
  const i = w[0] === 'sudo' ? 1 : 0;
  return /(^|\/)coreos-cloudinit$/.test(w[i] ?? '') && w.some((x) => /^--?validate(=true)?$/.test(x));
};

export default lesson;
