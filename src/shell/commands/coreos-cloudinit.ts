import type { Command, Process } from '../process.ts';
import { killedStatus } from '../signal.ts';
import { exists, isDir, resolvePath } from '../paths.ts';
import { wallMs } from '../../sim/time.ts';

type CloudconfigModule = typeof import('../../cloudconfig/index.ts');
let cloudconfig: CloudconfigModule | undefined;

/**
 * The validator brings a YAML parser, too big for the page's first load: the browser loads it
 * when the command first runs. Headless callers provide it up front, so no real-time wait ever
 * sits between two virtual moments there.
 */
export function provideCloudconfig(m: CloudconfigModule): void {
  cloudconfig = m;
}

/**
 * coreos-cloudinit v1.9.3 (coreos-cloudinit.go). Only the local-file datasource and `-validate`
 * are simulated; applying a cloud-config to the running machine is not (it says so, exit 1).
 * Log lines go to stderr with Go's `log` prefix, like the real binary.
 */

const VERSION = 'v1.9.3';

interface FlagDef {
  bool: boolean;
  usage: string;
  def?: string;
}

const FLAGS: Record<string, FlagDef> = {
  'convert-netconf': { bool: false, usage: 'Read the network config provided in cloud-drive and translate it from the specified format into networkd unit files' },
  'from-cloudsigma-metadata': { bool: true, usage: 'Download data from CloudSigma server context' },
  'from-configdrive': { bool: false, usage: 'Read data from provided cloud-drive directory' },
  'from-digitalocean-metadata': { bool: false, usage: 'Download DigitalOcean data from the provided url' },
  'from-ec2-metadata': { bool: false, usage: 'Download EC2 data from the provided url' },
  'from-file': { bool: false, usage: 'Read user-data from provided file' },
  'from-metadata-service': { bool: true, usage: '[DEPRECATED - Use -from-ec2-metadata] Download data from metadata service' },
  'from-packet-metadata': { bool: false, usage: 'Download Packet data from metadata service' },
  'from-proc-cmdline': { bool: true, usage: "Parse /proc/cmdline for 'cloud-config-url=<url>', using the cloud-config served by an HTTP GET to <url>" },
  'from-url': { bool: false, usage: 'Download user-data from provided url' },
  'from-vmware-guestinfo': { bool: true, usage: 'Read data from VMware guestinfo' },
  'from-waagent': { bool: false, usage: 'Read data from provided waagent directory' },
  'ignore-failure': { bool: true, usage: 'Exits with 0 status in the event of malformed input from user-data' },
  oem: { bool: false, usage: 'Use the settings specific to the provided OEM' },
  'ssh-key-name': { bool: false, usage: 'Add SSH keys to the system with the given name', def: 'coreos-cloudinit' },
  validate: { bool: true, usage: '[EXPERIMENTAL] Validate the user-data but do not apply it to the system' },
  version: { bool: true, usage: 'Print the version and exit' },
  workspace: { bool: false, usage: 'Base directory coreos-cloudinit should use to store data', def: '/var/lib/coreos-cloudinit' },
};

const OEMS = ['digitalocean', 'ec2-compat', 'rackspace-onmetal', 'azure', 'cloudsigma', 'packet', 'vmware'];

const DATASOURCE_INTERVAL_MS = 100;
const DATASOURCE_MAX_INTERVAL_MS = 30_000;
const DATASOURCE_TIMEOUT_MS = 5 * 60_000;

/** Go's flag.PrintDefaults (Go 1.19 layout). */
function usage(prog: string): string {
  let out = `Usage of ${prog}:\n`;
  for (const name of Object.keys(FLAGS).sort()) {
    const f = FLAGS[name]!;
    out += `  -${name}${f.bool ? '' : ' string'}\n    \t${f.usage}`;
    if (f.def) out += ` (default "${f.def}")`;
    out += '\n';
  }
  return out;
}

const BOOL_VALUES: Record<string, boolean> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };

type Parsed = { values: Map<string, string | boolean> } | { error: string; code: number };

/** Go's flag package: `-x`, `--x`, `-x=v`, `-x v`; stops at the first non-flag or `--`. */
function parseFlags(args: string[], prog: string): Parsed {
  const values = new Map<string, string | boolean>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.length < 2 || a[0] !== '-') break;
    const body = a.startsWith('--') ? a.slice(2) : a.slice(1);
    if (body === '' || body[0] === '-' || body[0] === '=') return { error: `bad flag syntax: ${a}\n${usage(prog)}`, code: 2 };
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (name === 'h' || name === 'help') return { error: usage(prog), code: 0 };
    const def = FLAGS[name];
    if (!def) return { error: `flag provided but not defined: -${name}\n${usage(prog)}`, code: 2 };
    if (def.bool) {
      if (eq < 0) values.set(name, true);
      else {
        const v = body.slice(eq + 1);
        if (!(v in BOOL_VALUES)) return { error: `invalid boolean value "${v}" for -${name}: parse error\n${usage(prog)}`, code: 2 };
        values.set(name, BOOL_VALUES[v]!);
      }
    } else if (eq >= 0) values.set(name, body.slice(eq + 1));
    else if (i + 1 < args.length) values.set(name, args[++i]!);
    else return { error: `flag needs an argument: -${name}\n${usage(prog)}`, code: 2 };
  }
  return { values };
}

/** Go's log.Printf prefix: `2016/06/01 09:00:00 ` in virtual wall time (UTC). */
function logLine(proc: Process, msg: string): void {
  const d = new Date(wallMs(proc.host.now()));
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  proc.stderr.write(`${stamp} ${msg}\n`);
}

const PROVIDE = 'Provide at least one of --from-file, --from-configdrive, --from-ec2-metadata, --from-cloudsigma-metadata, --from-packet-metadata, --from-digitalocean-metadata, --from-vmware-guestinfo, --from-waagent, --from-url or --from-proc-cmdline';

export const coreosCloudinit: Command = async (proc) => {
  const prog = proc.argv[0] ?? 'coreos-cloudinit';
  const parsed = parseFlags(proc.argv.slice(1), prog);
  if ('error' in parsed) {
    proc.stderr.write(parsed.error);
    return parsed.code;
  }
  const flags = parsed.values;
  const oem = flags.get('oem');
  if (typeof oem === 'string' && oem !== '' && !OEMS.includes(oem)) {
    proc.stdout.write(`Invalid option to -oem: "${oem}". Supported options: [${OEMS.map((o) => `"${o}"`).join(' ')}]\n`);
    return 2;
  }
  if (flags.get('version') === true) {
    proc.stdout.write(`coreos-cloudinit ${VERSION}\n`);
    return 0;
  }
  const netconf = flags.get('convert-netconf');
  if (typeof netconf === 'string' && !['', 'debian', 'digitalocean', 'packet', 'vmware'].includes(netconf)) {
    proc.stdout.write(`Invalid option to -convert-netconf: '${netconf}'. Supported options: 'debian, digitalocean, packet, vmware'\n`);
    return 2;
  }
  const file = flags.get('from-file');
  const others = [...flags.entries()].some(([k, v]) => k.startsWith('from-') && k !== 'from-file' && v !== false && v !== '');
  if ((typeof file !== 'string' || file === '') && !others && !(typeof oem === 'string' && oem !== '')) {
    proc.stdout.write(`${PROVIDE}\n`);
    return 2;
  }
  if (typeof file !== 'string' || file === '') {
    proc.stderr.write('coreos-cloudinit: only the --from-file datasource is simulated in this playground\n');
    return 1;
  }

  // selectDatasource: poll the file's existence with exponential backoff until the timeout.
  const abs = resolvePath(proc.cwd, file);
  const start = proc.host.now();
  let interval = DATASOURCE_INTERVAL_MS;
  for (;;) {
    logLine(proc, 'Checking availability of "local-file"');
    if (exists(proc.host.fs, abs)) break;
    const left = DATASOURCE_TIMEOUT_MS - (proc.host.now() - start);
    if (interval >= left) {
      if (!(await proc.sleep(left))) return killedStatus(proc.signal.reason);
      logLine(proc, 'No datasources available in time');
      return 1;
    }
    if (!(await proc.sleep(interval))) return killedStatus(proc.signal.reason);
    interval = Math.min(interval * 2, DATASOURCE_MAX_INTERVAL_MS);
  }

  logLine(proc, 'Fetching user-data from datasource of type "local-file"');
  let userdata = '';
  if (isDir(proc.host.fs, abs)) {
    logLine(proc, `Failed fetching user-data from datasource: read ${file}: is a directory. Continuing...`);
  } else {
    userdata = proc.host.fs.read(abs) ?? '';
  }

  const { validate, formatEntry, goQuote } = cloudconfig ?? (cloudconfig = await import('../../cloudconfig/index.ts'));
  const report = validate(userdata);
  const validateOnly = flags.get('validate') === true;
  if (report.failure === undefined) {
    for (const e of report.entries) logLine(proc, formatEntry(e));
    if (validateOnly) return report.entries.length > 0 ? 1 : 0;
  } else {
    logLine(proc, `Failed while validating user_data (${goQuote(report.failure)})`);
    if (validateOnly) return 1;
  }
  proc.stderr.write('coreos-cloudinit: applying a cloud-config to the running machine is not simulated yet (use -validate)\n');
  return 1;
};
