import type { Units } from '../../../host/units.ts';
import { unitFilePath } from '../../../host/unit-files.ts';
import type { FileSystem } from '../../../host/filesystem.ts';

/** list-units' order (compare_unit_info): by type suffix, then by name, ignoring case. */
function byTypeThenName(a: string, b: string): number {
  const ta = a.slice(a.lastIndexOf('.')).toLowerCase();
  const tb = b.slice(b.lastIndexOf('.')).toLowerCase();
  if (ta !== tb) return ta < tb ? -1 : 1;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}

/** fnmatch of the patterns list-units takes (`etcd*`), none = all. */
function matches(name: string, patterns: string[]): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((p) => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(name));
}

function typeOk(name: string, types: string[]): boolean {
  return types.length === 0 || types.includes(name.slice(name.lastIndexOf('.') + 1));
}

/**
 * `systemctl list-units` (output_units_list of systemd 229, as written to a pipe: full width).
 * Loaded units that are not inactive; with --all every unit systemd knows of.
 */
export function listUnits(units: Units, o: { all: boolean; types: string[]; states?: string[]; legend: boolean; patterns: string[] }): string {
  const states = o.states ?? [];
  const rows = units
    .known()
    .filter((n) => typeOk(n, o.types) && matches(n, o.patterns))
    .map((n) => {
      const rt = units.runtime(n);
      const load = units.masked.has(n) ? 'masked' : units.exists(n) ? 'loaded' : 'not-found';
      return { id: n, load, active: rt.active as string, sub: rt.sub, desc: units.description(n) };
    })
    // --state= is matched against the load, active and sub state (ListUnitsFiltered).
    .filter((r) => states.length === 0 || states.includes(r.load) || states.includes(r.active) || states.includes(r.sub))
    .filter((r) => o.all || r.active !== 'inactive')
    .sort((a, b) => byTypeThenName(a.id, b.id));
  const w = (k: 'id' | 'load' | 'active' | 'sub', head: string) => Math.max(head.length, ...rows.map((r) => r[k].length));
  const idW = w('id', 'UNIT');
  const loadW = w('load', 'LOAD');
  const actW = w('active', 'ACTIVE');
  const subW = w('sub', 'SUB');
  const circle = o.legend && rows.some((r) => r.active === 'failed' || r.load !== 'loaded');
  let out = '';
  rows.forEach((r, i) => {
    if (i === 0 && o.legend) out += `${circle ? '  ' : ''}${'UNIT'.padEnd(idW)} ${'LOAD'.padEnd(loadW)} ${'ACTIVE'.padEnd(actW)} ${'SUB'.padEnd(subW)} DESCRIPTION\n`;
    const mark = r.active === 'failed' || r.load !== 'loaded' ? '● ' : '  ';
    out += `${circle ? mark : ''}${r.id.padEnd(idW)} ${r.load.padEnd(loadW)} ${r.active.padEnd(actW)} ${r.sub.padEnd(subW)} ${r.desc}\n`;
  });
  if (o.legend) {
    if (rows.length > 0) {
      out +=
        '\nLOAD   = Reflects whether the unit definition was properly loaded.\n' +
        'ACTIVE = The high-level unit activation state, i.e. generalization of SUB.\n' +
        'SUB    = The low-level unit activation state, values depend on unit type.\n\n';
    }
    out += o.all
      ? `${rows.length} loaded units listed.\nTo show all installed unit files use 'systemctl list-unit-files'.\n`
      : `${rows.length} loaded units listed. Pass --all to see loaded but inactive units, too.\nTo show all installed unit files use 'systemctl list-unit-files'.\n`;
  }
  return out;
}

/** `systemctl list-unit-files`: every unit file with its enablement state. */
export function listUnitFiles(units: Units, fs: FileSystem, o: { types: string[]; legend: boolean; patterns: string[] }): string {
  const rows = units
    .known()
    .filter((n) => unitFilePath(fs, n) !== undefined && typeOk(n, o.types) && matches(n, o.patterns))
    .sort(byTypeThenName)
    .map((n) => ({ id: n, state: units.unitFileState(n) }));
  const idW = Math.max('UNIT FILE'.length, ...rows.map((r) => r.id.length));
  const stW = Math.max('STATE'.length, ...rows.map((r) => r.state.length));
  let out = o.legend ? `${'UNIT FILE'.padEnd(idW)} ${'STATE'.padEnd(stW)}\n` : '';
  for (const r of rows) out += `${r.id.padEnd(idW)} ${r.state.padEnd(stW)}\n`;
  if (o.legend) out += `\n${rows.length} unit files listed.\n`;
  return out;
}
