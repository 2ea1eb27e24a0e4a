import { parseCloudConfig, type CloudConfig, type Unit, type User } from './config.ts';
import { isCloudConfig, isIgnitionConfig, isScript } from './header.ts';
import { substitute } from './substitute.ts';
import { validate } from './validate.ts';
import { formatEntry } from './report.ts';
import { goQuote } from './rules.ts';
import { authorizedKeys, joinRoot, mergeEnvContents, sshKeysFile, writeFile } from './apply-files.ts';
import { flannelOptions, sectionUnits, updateConf } from './apply-units.ts';

/**
 * coreos-cloudinit v1.9.3 applying a machine's user-data at boot (coreos-cloudinit.go main with
 * the local-file datasource, then initialize.Apply and processUnits). What it does to the machine
 * goes through `CloudinitSystem`; what it prints goes to `log`, one Go `log.Printf` call each.
 */

/** The machine as coreos-cloudinit touches it (implemented by the host layer). */
export interface CloudinitSystem {
  readFile(path: string): string | undefined;
  writeFile(path: string, content: string, mode: number): void;
  /** File names directly inside a directory. */
  list(path: string): string[];
  setHostname(name: string): void;
  userExists(name: string): boolean;
  createUser(user: User): void;
  /** systemd's answer to a unit command: the job result (`done`), or the error. */
  unitCommand(unit: string, command: string): { result: string } | { error: string };
  enableUnit(unit: string, runtime: boolean): void;
  maskUnit(unit: string, runtime: boolean): void;
  unmaskUnit(unit: string, runtime: boolean): void;
  daemonReload(): void;
  /** One `log.Printf`: a line with Go's log prefix. */
  log(msg: string): void;
  /** One `fmt.Printf` to stdout, no prefix: the text as given, its newlines included. */
  print(text: string): void;
}

/** The substitution values (the local-file datasource has no metadata: they come from the environment). */
export interface CloudinitEnvironment {
  publicIpv4?: string;
  privateIpv4?: string;
}

export const SSH_KEY_NAME = 'coreos-cloudinit';

/** Runs coreos-cloudinit over `userdata`; resolves to its exit code (never throws). */
export function runCloudinit(userdata: string, env: CloudinitEnvironment, sys: CloudinitSystem): number {
  let failure = false;
  sys.log('Checking availability of "local-file"');
  sys.log('Fetching user-data from datasource of type "local-file"');
  const report = cached(validations, userdata, validate);
  if (report.failure === undefined) for (const e of report.entries) sys.log(formatEntry(e));
  else sys.log(`Failed while validating user_data (${goQuote(report.failure)})`);
  sys.log('Fetching meta-data from datasource of type "local-file"');

  const text = substituted(userdata, env);
  let cc: CloudConfig | undefined;
  if (text.length > 0) {
    if (isScript(text)) {
      // Scripts are not simulated: coreos-cloudinit would run them as a transient unit.
      sys.log('Parsing user-data as script');
    } else if (isCloudConfig(text)) {
      sys.log('Parsing user-data as cloud-config');
      const parsed = cached(parses, text, parseCloudConfig);
      if ('error' in parsed) {
        sys.print(`Failed to parse user-data: ${parsed.error}\nContinuing...\n`);
        failure = true;
      } else cc = parsed.config;
    } else if (isIgnitionConfig(text)) {
      // ParseUserData's ErrIgnitionConfig: main prints this (no newline) and exits 0.
      sys.print('Detected an Ignition config. Exiting...');
      return 0;
    } else {
      sys.print('Failed to parse user-data: Unrecognized user-data format\nContinuing...\n');
      failure = true;
    }
  }
  sys.log('Merging cloud-config from meta-data and user-data');
  const err = apply(cc ?? emptyConfig(), env, sys);
  if (err !== undefined) {
    sys.log(`Failed to apply cloud-config: ${err}`);
    return 1;
  }
  return failure ? 1 : 0;
}

/**
 * Every reboot runs coreos-cloudinit over the same user-data again: validating, substituting
 * and parsing it (pure, read-only results) once per distinct text keeps reboots cheap.
 */
const validations = new Map<string, ReturnType<typeof validate>>();
const parses = new Map<string, ReturnType<typeof parseCloudConfig>>();
/** By user-data, then by the addresses substituted. */
const substitutions = new Map<string, Map<string, string>>();
const CACHE_MAX = 32;

function substituted(userdata: string, env: CloudinitEnvironment): string {
  const byAddresses = cached(substitutions, userdata, () => new Map<string, string>());
  const values = { public_ipv4: env.publicIpv4, private_ipv4: env.privateIpv4 };
  return cached(byAddresses, JSON.stringify([values.public_ipv4 ?? '', values.private_ipv4 ?? '']), () => substitute(userdata, values));
}

function cached<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, (v = compute(key)));
  }
  return v;
}

function emptyConfig(): CloudConfig {
  return { coreos: { units: [] }, writeFiles: [], sshAuthorizedKeys: [], users: [] };
}

function authorizeKeys(sys: CloudinitSystem, user: string, keys: string[]): void {
  const home = user === 'root' ? '/root' : `/home/${user}`;
  const dir = `${home}/.ssh/authorized_keys.d`;
  sys.writeFile(`${dir}/${SSH_KEY_NAME}`, sshKeysFile(keys), 0o600);
  const files = sys.list(dir).map((name) => ({ name, content: sys.readFile(`${dir}/${name}`) ?? '' }));
  sys.writeFile(`${home}/.ssh/authorized_keys`, authorizedKeys(files), 0o600);
}

/** initialize.Apply: returns the error it stops on, if any. */
export function apply(cfg: CloudConfig, env: CloudinitEnvironment, sys: CloudinitSystem): string | undefined {
  if (cfg.hostname) {
    sys.setHostname(cfg.hostname);
    sys.log(`Set hostname to ${cfg.hostname}`);
  }
  for (const user of cfg.users) {
    if (user.name === '') {
      sys.log("User object has no 'name' field, skipping");
      continue;
    }
    if (sys.userExists(user.name)) {
      sys.log(`User '${user.name}' exists, ignoring creation-time fields`);
      if (user.passwd) sys.log(`Setting '${user.name}' user's password`);
    } else {
      sys.log(`Creating user '${user.name}'`);
      sys.createUser(user);
    }
    if (user.sshAuthorizedKeys.length > 0) {
      sys.log(`Authorizing ${user.sshAuthorizedKeys.length} SSH keys for user '${user.name}'`);
      authorizeKeys(sys, user.name, user.sshAuthorizedKeys);
    }
  }
  if (cfg.sshAuthorizedKeys.length > 0) {
    authorizeKeys(sys, 'core', cfg.sshAuthorizedKeys);
    sys.log('Authorized SSH keys for core user');
  }

  // Apply's files: write_files, then those of Update, EtcHosts and Flannel, in that order; an
  // error in any stops Apply before anything is written.
  const files = [...cfg.writeFiles];
  const update = updateConf(cfg.coreos.update, sys.readFile('/etc/coreos/update.conf') ?? sys.readFile('/usr/share/coreos/update.conf') ?? '');
  if (update && 'error' in update) return update.error;
  if (update) files.push({ path: 'etc/coreos/update.conf', content: update.content, permissions: '0644' });
  if (cfg.manageEtcHosts) {
    // system/etc_hosts.go generateEtcHosts: only "localhost" is known; the host name is os.Hostname().
    if (cfg.manageEtcHosts !== 'localhost') return 'Invalid option to manage_etc_hosts';
    files.push({ path: 'etc/hosts', content: `127.0.0.1 ${cfg.hostname || sys.readFile('/etc/hostname')?.trim() || 'localhost'}\n`, permissions: '0644' });
  }
  const { flannel, units } = derivedFrom(cfg);
  if (flannel !== undefined) files.push({ path: 'run/flannel/options.env', content: flannel, permissions: '0644' });

  let wroteEnvironment = false;
  const sink = { write: (p: string, c: string, m: number) => sys.writeFile(p, c, m), log: (m: string) => sys.log(m) };
  for (const f of files) {
    const full = writeFile(f, sink);
    if (typeof full !== 'string') return full.error;
    if (joinRoot(f.path) === '/etc/environment') wroteEnvironment = true;
    sys.log(`Wrote file ${full} to filesystem`);
  }
  if (!wroteEnvironment) {
    const vars = new Map<string, string>();
    if (env.publicIpv4) vars.set('COREOS_PUBLIC_IPV4', env.publicIpv4);
    if (env.privateIpv4) vars.set('COREOS_PRIVATE_IPV4', env.privateIpv4);
    if (vars.size > 0) {
      const old = sys.readFile('/etc/environment') ?? '';
      const merged = mergeEnvContents(old, vars);
      // WriteEnvFile leaves an unchanged file alone.
      if (merged !== old) {
        const full = writeFile({ path: '/etc/environment', content: merged }, sink);
        if (typeof full !== 'string') return full.error;
      }
      sys.log('Updated /etc/environment');
    }
  }
  return processUnits(units, sys);
}

/**
 * What Apply makes of the config alone, once per config (a parsed one is cached per text, and
 * none is changed once made): flannel's options file, and every unit to process.
 */
const derived = new WeakMap<CloudConfig, { flannel: string | undefined; units: readonly Unit[] }>();

function derivedFrom(cfg: CloudConfig): { flannel: string | undefined; units: readonly Unit[] } {
  let d = derived.get(cfg);
  if (d === undefined) derived.set(cfg, (d = { flannel: flannelOptions(cfg.coreos.flannel), units: [...cfg.coreos.units, ...sectionUnits(cfg)] }));
  return d;
}

const NETWORK_SUFFIXES = ['.network', '.netdev', '.link'];

function unitPath(u: Unit, dropIn?: string): string {
  const group = NETWORK_SUFFIXES.some((s) => u.name.endsWith(s)) ? 'network' : 'system';
  const base = `/${u.runtime ? 'run' : 'etc'}/systemd/${group}`;
  return dropIn === undefined ? `${base}/${u.name}` : `${base}/${u.name}.d/${dropIn}`;
}

/** processUnits: place units and drop-ins, mask/unmask, enable, then run the commands in order. */
function processUnits(units: readonly Unit[], sys: CloudinitSystem): string | undefined {
  const actions: { unit: string; command: string }[] = [];
  let reload = false;
  for (const unit of units) {
    if (unit.name === '') {
      sys.log('Skipping unit without name');
      continue;
    }
    if (unit.content) {
      sys.log(`Writing unit "${unit.name}" to filesystem`);
      sys.writeFile(unitPath(unit), unit.content, 0o644);
      sys.log(`Wrote unit "${unit.name}"`);
      reload = true;
    }
    for (const d of unit.dropIns) {
      if (d.name === '' || d.content === '') continue;
      sys.log(`Writing drop-in unit "${d.name}" to filesystem`);
      sys.writeFile(unitPath(unit, d.name), d.content, 0o644);
      sys.log(`Wrote drop-in unit "${d.name}"`);
      reload = true;
    }
    if (unit.mask) {
      sys.log(`Masking unit file "${unit.name}"`);
      sys.maskUnit(unit.name, unit.runtime);
    } else if (unit.runtime) {
      sys.log(`Ensuring runtime unit file "${unit.name}" is unmasked`);
      sys.unmaskUnit(unit.name, unit.runtime);
    }
    const network = NETWORK_SUFFIXES.some((s) => unit.name.endsWith(s));
    if (unit.enable) {
      if (!network) {
        sys.log(`Enabling unit file "${unit.name}"`);
        sys.enableUnit(unit.name, unit.runtime);
        sys.log(`Enabled unit "${unit.name}"`);
      } else sys.log(`Skipping enable for network-like unit "${unit.name}"`);
    }
    if (!network && unit.command) actions.push({ unit: unit.name, command: unit.command });
  }
  if (reload) sys.daemonReload();
  for (const a of actions) {
    // The stray quote after the unit name is coreos-cloudinit's own.
    sys.log(`Calling unit command "${a.command}" on "${a.unit}"'`);
    const r = sys.unitCommand(a.unit, a.command);
    if ('error' in r) return r.error;
    sys.log(`Result of "${a.command}" on "${a.unit}": ${r.result}`);
  }
  return undefined;
}
