import type { GoValue } from './go-value.ts';
import { keyName } from './go-value.ts';
import { isCloudConfig } from './header.ts';
import { parseYaml } from './yaml-parse.ts';

/**
 * Scalar settings of one coreos section by underscored key (etcd2.listen_client_urls...), as the
 * text written (decoding into Go strings keeps it: `proxy: off` is "off", `0644` is "0644").
 */
export type Settings = Record<string, string>;

export interface UnitDropIn {
  name: string;
  content: string;
}

export interface Unit {
  name: string;
  content?: string;
  command?: string;
  enable: boolean;
  runtime: boolean;
  mask: boolean;
  dropIns: UnitDropIn[];
}

export interface WriteFile {
  path: string;
  content: string;
  permissions?: string;
  owner?: string;
  encoding?: string;
}

export interface User {
  name: string;
  passwd?: string;
  sshAuthorizedKeys: string[];
  groups: string[];
  primaryGroup?: string;
  gecos?: string;
  homedir?: string;
  shell?: string;
  system: boolean;
  noCreateHome: boolean;
}

export interface CoreOS {
  etcd?: Settings;
  etcd2?: Settings;
  fleet?: Settings;
  flannel?: Settings;
  locksmith?: Settings;
  update?: Settings;
  units: Unit[];
}

/** config.CloudConfig, as coreos-cloudinit applies it. */
export interface CloudConfig {
  coreos: CoreOS;
  writeFiles: WriteFile[];
  hostname?: string;
  sshAuthorizedKeys: string[];
  users: User[];
  manageEtcHosts?: string;
}

export type ParseResult = { config: CloudConfig } | { error: string };

/**
 * config.NewCloudConfig: decodes user-data with `-` in keys read as `_`. Values of the wrong type
 * are skipped, as go-yaml v1 does. Returns an error for a bad header or YAML syntax.
 */
export function parseCloudConfig(text: string): ParseResult {
  if (!isCloudConfig(text)) return { error: 'must be "#cloud-config" or begin with "#!"' };
  const parsed = parseYaml(text);
  if ('error' in parsed) {
    const where = parsed.error.line > 0 ? `line ${parsed.error.line}: ` : '';
    return { error: `YAML error: ${where}${parsed.error.message}` };
  }
  const root = asMap(parsed.value);
  const coreos = asMap(root.get('coreos'));
  return {
    config: {
      coreos: {
        etcd: settings(coreos.get('etcd')),
        etcd2: settings(coreos.get('etcd2')),
        fleet: settings(coreos.get('fleet')),
        flannel: settings(coreos.get('flannel')),
        locksmith: settings(coreos.get('locksmith')),
        update: settings(coreos.get('update')),
        units: asList(coreos.get('units')).map(unit),
      },
      writeFiles: asList(root.get('write_files')).map(writeFile),
      hostname: str(root.get('hostname')),
      sshAuthorizedKeys: strings(root.get('ssh_authorized_keys')),
      users: asList(root.get('users')).map(user),
      manageEtcHosts: str(root.get('manage_etc_hosts')),
    },
  };
}

/** A mapping's entries by underscored key (later duplicates win, as in a Go map). */
function asMap(v: GoValue | undefined): Map<string, GoValue> {
  const m = new Map<string, GoValue>();
  if (v?.kind === 'map') for (const [k, x] of v.entries) m.set(keyName(k).replace(/-/g, '_'), x);
  return m;
}

function asList(v: GoValue | undefined): GoValue[] {
  return v?.kind === 'slice' ? v.items : [];
}

/** Decoding into a Go string keeps the scalar's text (0644 stays "0644"). */
function str(v: GoValue | undefined): string | undefined {
  return v && 'raw' in v ? v.raw : undefined;
}

function bool(v: GoValue | undefined): boolean {
  return v?.kind === 'bool' ? v.value : false;
}

function strings(v: GoValue | undefined): string[] {
  return asList(v).flatMap((x) => (str(x) === undefined ? [] : [str(x)!]));
}

function settings(v: GoValue | undefined): Settings | undefined {
  if (v?.kind !== 'map') return undefined;
  const out: Settings = {};
  for (const [k, x] of asMap(v)) {
    const text = str(x);
    if (text !== undefined) out[k] = text;
  }
  return out;
}

function unit(v: GoValue): Unit {
  const m = asMap(v);
  return {
    name: str(m.get('name')) ?? '',
    content: str(m.get('content')),
    command: str(m.get('command')),
    enable: bool(m.get('enable')),
    runtime: bool(m.get('runtime')),
    mask: bool(m.get('mask')),
    dropIns: asList(m.get('drop_ins')).map((d) => {
      const dm = asMap(d);
      return { name: str(dm.get('name')) ?? '', content: str(dm.get('content')) ?? '' };
    }),
  };
}

function writeFile(v: GoValue): WriteFile {
  const m = asMap(v);
  return {
    path: str(m.get('path')) ?? '',
    content: str(m.get('content')) ?? '',
    permissions: str(m.get('permissions')),
    owner: str(m.get('owner')),
    encoding: str(m.get('encoding')),
  };
}

function user(v: GoValue): User {
  const m = asMap(v);
  return {
    name: str(m.get('name')) ?? '',
    passwd: str(m.get('passwd')),
    sshAuthorizedKeys: strings(m.get('ssh_authorized_keys')),
    groups: strings(m.get('groups')),
    primaryGroup: str(m.get('primary_group')),
    gecos: str(m.get('gecos')),
    homedir: str(m.get('homedir')),
    shell: str(m.get('shell')),
    system: bool(m.get('system')),
    noCreateHome: bool(m.get('no_create_home')),
  };
}
