import type { FileSystem } from './filesystem.ts';

/**
 * systemd unit files as systemd 225 (CoreOS 1010) finds them: the unit in /etc, /run or /usr/lib
 * (first wins), drop-ins `<unit>.d/*.conf` from all three (a name in a higher directory hides the
 * same name below; applied in file-name order), `Environment=` with specifiers expanded.
 */

export const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/lib/systemd/system'];

export function unitFilePath(fs: FileSystem, name: string): string | undefined {
  return found(fs, name).path;
}

export function dropInPaths(fs: FileSystem, name: string): string[] {
  return found(fs, name).dropIns.slice();
}

/** A unit's files as systemd finds them, and what is read from them (filled in on demand). */
interface FoundUnit {
  path: string | undefined;
  dropIns: readonly string[];
  settings?: readonly UnitSection[] | undefined;
  text?: string;
}

/**
 * What was found per unit name while the host's files stay the same (`FileSystem.generation`):
 * starting a unit asks for its files and settings a dozen times, and a reboot starts the same
 * units over unchanged files.
 */
const foundUnits = new WeakMap<FileSystem, { generation: number; byName: Map<string, FoundUnit> }>();

function found(fs: FileSystem, name: string): FoundUnit {
  let memo = foundUnits.get(fs);
  if (memo === undefined || memo.generation !== fs.generation) foundUnits.set(fs, (memo = { generation: fs.generation, byName: new Map() }));
  let u = memo.byName.get(name);
  if (u === undefined) memo.byName.set(name, (u = { path: findUnitFile(fs, name), dropIns: findDropIns(fs, name) }));
  return u;
}

function findUnitFile(fs: FileSystem, name: string): string | undefined {
  for (const d of UNIT_DIRS) if (fs.isFile(`${d}/${name}`)) return `${d}/${name}`;
  return undefined;
}

function findDropIns(fs: FileSystem, name: string): string[] {
  const byName = new Map<string, string>();
  for (const d of [...UNIT_DIRS].reverse()) {
    const dir = `${d}/${name}.d`;
    if (!fs.isDir(dir)) continue;
    for (const f of fs.list(dir)) if (f.endsWith('.conf') && fs.isFile(`${dir}/${f}`)) byName.set(f, `${dir}/${f}`);
  }
  return [...byName.keys()].sort().map((k) => byName.get(k)!);
}

/**
 * The unit file and its drop-ins as one text (path and content of each): what systemd loaded,
 * to tell later whether they changed on disk.
 */
export function unitFilesText(fs: FileSystem, name: string): string {
  const u = found(fs, name);
  return (u.text ??= [u.path, ...u.dropIns].map((p) => (p ? `${p}\n${fs.read(p) ?? ''}` : '')).join('\0'));
}

/** Values for the specifiers systemd expands in unit settings. */
export interface Specifiers {
  machineId: string;
  hostname: string;
  bootId?: string;
}

/** Expands %m, %H, %n, %N, %p, %i, %b, %% in a setting's value (unknown ones are kept as written). */
export function expandSpecifiers(value: string, unit: string, s: Specifiers): string {
  const at = unit.indexOf('@');
  const dot = unit.lastIndexOf('.');
  const prefix = at >= 0 ? unit.slice(0, at) : unit.slice(0, dot < 0 ? undefined : dot);
  const instance = at >= 0 ? unit.slice(at + 1, dot > at ? dot : undefined) : '';
  const table: Record<string, string> = {
    m: s.machineId,
    H: s.hostname,
    n: unit,
    N: dot < 0 ? unit : unit.slice(0, dot),
    p: prefix,
    i: instance,
    b: s.bootId ?? '',
    '%': '%',
  };
  return value.replace(/%(.)/g, (m, c: string) => table[c] ?? m);
}

export interface UnitSection {
  section: string;
  key: string;
  value: string;
}

/**
 * Unit files parsed, by text: every boot reads the same few units many times. The entries are
 * shared: callers read them, never change them.
 */
const parsedUnits = new Map<string, readonly UnitSection[]>();

/** The `Key=Value` settings of a unit file, with their section; comments and blank lines skipped. */
export function parseUnit(text: string): UnitSection[] {
  let entries = parsedUnits.get(text);
  if (entries === undefined) {
    if (parsedUnits.size >= 256) parsedUnits.clear();
    parsedUnits.set(text, (entries = parseUnitText(text)));
  }
  return entries.slice();
}

function parseUnitText(text: string): UnitSection[] {
  const out: UnitSection[] = [];
  let section = '';
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    out.push({ section, key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() });
  }
  return out;
}

/** `Environment=` assignments: space-separated, each may be double- or single-quoted whole. */
export function parseEnvironment(value: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of value.matchAll(re)) {
    const word = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!);
    const eq = word.indexOf('=');
    if (eq > 0) out.push([word.slice(0, eq), word.slice(eq + 1)]);
  }
  return out;
}

/**
 * The unit's settings, its own file first then the drop-ins; undefined if the unit has no file.
 * Shared while the files stay the same: read them, never change them.
 */
export function unitSettings(fs: FileSystem, name: string): readonly UnitSection[] | undefined {
  const u = found(fs, name);
  if (!('settings' in u)) u.settings = readSettings(fs, u);
  return u.settings;
}

function readSettings(fs: FileSystem, u: FoundUnit): UnitSection[] | undefined {
  if (!u.path) return undefined;
  const out = parseUnit(fs.read(u.path) ?? '');
  for (const d of u.dropIns) out.push(...parseUnit(fs.read(d) ?? ''));
  return out;
}

/**
 * The environment a unit's process starts with: `EnvironmentFile=` (a leading `-` ignores a
 * missing file) and `Environment=` in order, later assignments winning; an empty
 * `Environment=` clears the list, as systemd does. `settings`: the unit as loaded, if it is.
 */
export function unitEnvironment(fs: FileSystem, name: string, s: Specifiers, settings = unitSettings(fs, name)): Map<string, string> {
  const env = new Map<string, string>();
  for (const e of settings ?? []) {
    if (e.section !== 'Service') continue;
    if (e.key === 'Environment') {
      if (e.value === '') env.clear();
      for (const [k, v] of parseEnvironment(expandSpecifiers(e.value, name, s))) env.set(k, v);
    } else if (e.key === 'EnvironmentFile') {
      const path = expandSpecifiers(e.value.replace(/^-/, ''), name, s);
      for (const line of (fs.read(path) ?? '').split('\n')) {
        const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
        if (m) env.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'));
      }
    }
  }
  return env;
}
