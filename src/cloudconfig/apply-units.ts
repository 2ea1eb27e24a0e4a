import type { CloudConfig, Settings, Unit } from './config.ts';
import { resolvePlain } from './go-value.ts';
import { ETCD, ETCD2, FLANNEL, FLEET, LOCKSMITH, UPDATE, type SchemaType } from './schema.ts';

/**
 * What coreos-cloudinit v1.9.3 makes of the `coreos.*` sections: the drop-ins of system/etcd.go,
 * etcd2.go, fleet.go, locksmith.go (serviceContents), the units of system/update.go, and the files
 * of update.go and flannel.go.
 */

type Section = 'etcd' | 'etcd2' | 'fleet' | 'locksmith' | 'flannel' | 'update';

const SCHEMAS: Record<Section, SchemaType> = { etcd: ETCD, etcd2: ETCD2, fleet: FLEET, locksmith: LOCKSMITH, flannel: FLANNEL, update: UPDATE };

/** The `env` struct tags: mostly PREFIX + upper-cased yaml name, with the tags' exceptions. */
function envName(section: Section, key: string): string {
  const upper = key.toUpperCase();
  switch (section) {
    case 'etcd':
      return key === 'snapshot_count' ? 'ETCD_SNAPSHOTCOUNT' : `ETCD_${upper}`;
    case 'etcd2':
      return `ETCD_${upper}`;
    case 'fleet':
      return `FLEET_${upper}`;
    case 'flannel':
      return key === 'interface' ? 'FLANNELD_IFACE' : `FLANNELD_${upper}`;
    case 'locksmith':
      if (key === 'window_start') return 'REBOOT_WINDOW_START';
      if (key === 'window_length') return 'REBOOT_WINDOW_LENGTH';
      return `LOCKSMITHD_${upper}`;
    case 'update':
      return upper;
  }
}

/**
 * Go's `%v` of the decoded field, or undefined for a zero value (config.IsZero skips it). A value
 * that does not decode into the field's type is left at zero, as go-yaml does.
 */
function fieldValue(kind: SchemaType['kind'], raw: string): string | undefined {
  if (kind === 'string') return raw === '' ? undefined : raw;
  const v = resolvePlain(raw);
  if (kind === 'bool') return v.kind === 'bool' && v.value ? 'true' : undefined;
  if (kind === 'int') return v.kind === 'int' && v.value !== 0 ? String(v.value) : undefined;
  if (kind === 'float64') return (v.kind === 'int' || v.kind === 'float64') && v.value !== 0 ? String(v.value) : undefined;
  return undefined;
}

/** getEnvVars: `KEY=value` for every non-zero field, in the struct's field order. */
export function envVars(section: Section, s: Settings | undefined): [string, string][] {
  const schema = SCHEMAS[section];
  if (!s || schema.kind !== 'struct') return [];
  const out: [string, string][] = [];
  for (const [key, field] of schema.fields) {
    const raw = s[key];
    if (raw === undefined) continue;
    const v = fieldValue(field.type.kind, raw);
    if (v !== undefined) out.push([envName(section, key), v]);
  }
  return out;
}

/** serviceContents: `[Service]` and one `Environment="K=V"` line per variable; empty for none. */
export function serviceContents(vars: [string, string][]): string {
  if (vars.length === 0) return '';
  return '[Service]\n' + vars.map(([k, v]) => `Environment="${k}=${v}"\n`).join('');
}

export const CLOUDINIT_DROP_IN = '20-cloudinit.conf';

function dropInUnit(name: string, content: string): Unit {
  return { name, enable: false, runtime: true, mask: false, dropIns: [{ name: CLOUDINIT_DROP_IN, content }] };
}

/** The units Apply appends after `coreos.units`: etcd, etcd2, fleet, locksmith, then update's. */
export function sectionUnits(cc: CloudConfig): Unit[] {
  const c = cc.coreos;
  const units = [
    dropInUnit('etcd.service', serviceContents(envVars('etcd', c.etcd))),
    dropInUnit('etcd2.service', serviceContents(envVars('etcd2', c.etcd2))),
    dropInUnit('fleet.service', serviceContents(envVars('fleet', c.fleet))),
    dropInUnit('locksmithd.service', serviceContents(envVars('locksmith', c.locksmith))),
  ];
  const strategy = c.update?.reboot_strategy ?? '';
  if (strategy !== '') {
    const off = strategy === 'off';
    units.push({ name: 'locksmithd.service', command: off ? 'stop' : 'restart', enable: false, runtime: true, mask: off, dropIns: [] });
  }
  if ((c.update?.group ?? '') !== '' || (c.update?.server ?? '') !== '') {
    units.push({ name: 'update-engine.service', command: 'restart', enable: false, runtime: false, mask: false, dropIns: [] });
  }
  return units;
}

/** The `valid` tags of config.Update, by yaml key: the Go field's name and its pattern. */
const UPDATE_VALID: Record<string, [string, RegExp]> = { reboot_strategy: ['RebootStrategy', /^(best-effort|etcd-lock|reboot|off)$/] };

/**
 * Update.File: `/etc/coreos/update.conf` rewritten from the current one (or /usr/share's): a line
 * starting with a configured key is replaced, the rest kept; new keys are appended, sorted.
 * Undefined when no update option is set.
 */
export function updateConf(update: Settings | undefined, current: string): { content: string } | { error: string } | undefined {
  const vars = envVars('update', update);
  if (vars.length === 0) return undefined;
  for (const [key, [field, re]] of Object.entries(UPDATE_VALID)) {
    const v = update?.[key];
    if (v !== undefined && v !== '' && !re.test(v)) {
      // config.AssertStructValid's ErrorValid: Field is the struct field's name (ft.Name).
      return { error: `invalid value "${v}" for option "${field}" (valid options: "${re.source}")` };
    }
  }
  const subs = new Map(vars.map(([k, v]) => [k, `${k}=${v}`]));
  let out = '';
  const lines = current.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let line of lines) {
    for (const [k, v] of subs) {
      if (line.startsWith(k)) {
        line = v;
        subs.delete(k);
        break;
      }
    }
    out += line + '\n';
  }
  for (const k of [...subs.keys()].sort()) out += subs.get(k)! + '\n';
  return { content: out };
}

/**
 * Flannel.File: `/run/flannel/options.env` with the FLANNELD_* variables, one a line.
 * UNSURE: v1.9.3 joins them with newlines and adds no final newline.
 */
export function flannelOptions(flannel: Settings | undefined): string | undefined {
  const vars = envVars('flannel', flannel);
  if (vars.length === 0) return undefined;
  return vars.map(([k, v]) => `${k}=${v}`).join('\n');
}
