import type { CloudinitEnvironment, CloudinitSystem } from '../cloudconfig/apply.ts';
import { wallMs } from '../sim/time.ts';
import type { Host, HostService } from './host.ts';

/** Where coreos-vagrant puts the user-data (`vagrant provision` moves it there). */
export const VAGRANT_USER_DATA = '/var/lib/coreos-vagrant/vagrantfile-user-data';
/** The copy the learner edits and validates. */
export const EDITABLE_USER_DATA = '/home/core/user-data';

/** The vagrant OEM runs coreos-cloudinit from this path-activated template unit. */
const UNIT = 'user-cloudinit@var-lib-coreos\\x2dvagrant-vagrantfile\\x2duser\\x2ddata.service';

export type RunCloudinit = (userdata: string, env: CloudinitEnvironment, sys: CloudinitSystem) => number;

/** Go's log prefix, `2016/06/01 09:00:03 `, in the world's wall time (UTC). */
function goLogStamp(virtualMs: number): string {
  // A boot logs a few dozen lines within the same second: format each second once.
  const sec = Math.floor(wallMs(virtualMs) / 1000);
  if (sec === lastStamp.sec) return lastStamp.text;
  const d = new Date(sec * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  const text = `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  lastStamp.sec = sec;
  lastStamp.text = text;
  return text;
}

const lastStamp = { sec: NaN, text: '' };

/** KEY=value lines of an environment file. */
function readEnvFile(text: string | undefined): Map<string, string> {
  const env = new Map<string, string>();
  for (const line of (text ?? '').split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env.set(m[1]!, m[2]!);
  }
  return env;
}

/**
 * coreos-cloudinit at every boot of a coreos-vagrant machine: when the user-data file exists,
 * it is applied (the apply code comes from the cloudconfig module, loaded before any boot).
 * Its stdout goes to the journal, one entry per line.
 */
export class CloudinitBoot implements HostService {
  readonly name = 'coreos-cloudinit';
  /** Exit code of the latest run (undefined: never ran). */
  lastExit: number | undefined;

  constructor(
    private host: Host,
    private run: () => RunCloudinit,
  ) {}

  start(): void {
    const host = this.host;
    const userdata = host.fs.read(VAGRANT_USER_DATA);
    if (userdata === undefined) return;
    const pid = host.allocPid();
    const entry = (message: string) => host.journal.append({ unit: UNIT, identifier: 'coreos-cloudinit', pid, message });
    const log = (msg: string) => entry(`${goLogStamp(host.world.now())} ${msg}`);
    // fmt.Printf: no prefix; the journal keeps a line per newline (and an unterminated last one).
    const print = (text: string) => {
      for (const line of text.split('\n')) if (line !== '') entry(line);
    };
    // The unit reads /etc/environment (EnvironmentFile=): the local-file datasource has no
    // metadata, so these are what $public_ipv4 and $private_ipv4 become.
    const env = readEnvFile(host.fs.read('/etc/environment'));
    const sys: CloudinitSystem = {
      readFile: (p) => host.fs.read(p),
      writeFile: (p, c, mode) => host.fs.write(p, c, mode),
      list: (p) => host.fs.list(p).filter((n) => host.fs.isFile(`${p}/${n}`)),
      setHostname: (name) => {
        host.hostname = name;
        host.fs.write('/etc/hostname', `${name}\n`);
      },
      userExists: (name) => name === 'root' || name === 'core' || host.fs.isDir(`/home/${name}`),
      createUser: (u) => {
        if (!u.noCreateHome) host.fs.mkdir(u.homedir || `/home/${u.name}`);
      },
      unitCommand: (unit, command) => host.units.command(unit, command),
      enableUnit: (unit, runtime) => {
        // A runtime enablement lives in /run and is gone at the next boot.
        if (!runtime) host.units.enabled.add(unit);
      },
      maskUnit: (unit) => host.units.masked.add(unit),
      unmaskUnit: (unit) => host.units.masked.delete(unit),
      daemonReload: () => host.units.daemonReload(),
      log,
      print,
    };
    this.lastExit = this.run()(userdata, { publicIpv4: env.get('COREOS_PUBLIC_IPV4'), privateIpv4: env.get('COREOS_PRIVATE_IPV4') }, sys);
  }

  stop(): void {}
}
