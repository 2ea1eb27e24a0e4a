import type { FileSystem } from './filesystem.ts';
import { PRIORITY } from './journal.ts';
import { knownKey, SECTIONS } from './unit-keys.ts';
import { dropInPaths, unitFilePath, unitFilesText, type UnitSection } from './unit-files.ts';

/** A line systemd writes while it loads a unit (under the unit's UNIT= field). */
export interface Diagnostic {
  message: string;
  priority: number;
}

/** A unit as PID 1 loaded it: what it runs with until the next daemon-reload. */
export interface LoadedUnit {
  /** `unitFilesText` at load time, to tell later whether the files changed on disk. */
  text: string;
  /** The settings that were accepted, file first, then the drop-ins. */
  settings: readonly UnitSection[];
  diagnostics: readonly Diagnostic[];
  /** strerror of the load error (load state `error`), e.g. `Invalid argument`. */
  error?: string;
}

const EINVAL = 'Invalid argument';
const EBADMSG = 'Bad message';

/** config_parse_service_type / _restart: DEFINE_CONFIG_PARSE_ENUM's tables and messages. */
const ENUMS: Record<string, { values: readonly string[]; what: string }> = {
  Type: { values: ['simple', 'forking', 'oneshot', 'dbus', 'notify', 'idle'], what: 'service type' },
  Restart: { values: ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always'], what: 'service restart specifier' },
};

const EXEC_KEYS = new Set(['ExecStartPre', 'ExecStart', 'ExecStartPost', 'ExecReload', 'ExecStop', 'ExecStopPost', 'ExecStopPre']);

/**
 * Loads a unit as systemd 229's unit_load does: load_from_path parses the fragment, then the
 * drop-ins (config_parse of src/shared/conf-parser.c with the unit's sections and
 * load-fragment-gperf's keys), then service_verify. Undefined when there is no unit file.
 */
export function loadUnit(fs: FileSystem, name: string): LoadedUnit | undefined {
  const path = unitFilePath(fs, name);
  if (path === undefined) return undefined;
  const text = unitFilesText(fs, name);
  // Every boot loads every unit again from the same files: the same (read-only) result, and its
  // settings the same array, which lets readers keep what they derived from it.
  const key = `${name}\0${text}`;
  let u = loads.get(key);
  if (u === undefined) {
    if (loads.size >= 256) loads.clear();
    loads.set(key, (u = parseUnitFiles(fs, name, path, text)));
  }
  return u;
}

const loads = new Map<string, LoadedUnit>();

function parseUnitFiles(fs: FileSystem, name: string, path: string, text: string): LoadedUnit {
  const sections = SECTIONS[name.slice(name.lastIndexOf('.') + 1)] ?? ['Unit', 'Install'];
  const settings: UnitSection[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of [path, ...dropInPaths(fs, name)]) {
    // A file that fails to parse fails the load: the drop-ins after it are not read.
    const error = parseFragment(p, fs.read(p) ?? '', sections, settings, diagnostics);
    if (error !== undefined) return { text, settings, diagnostics, error };
  }
  const error = name.endsWith('.service') ? verifyService(name, settings, diagnostics) : undefined;
  return error === undefined ? { text, settings, diagnostics } : { text, settings, diagnostics, error };
}

/** config_parse + parse_line: accepted settings appended; a parse error's strerror returned. */
function parseFragment(path: string, text: string, sections: readonly string[], out: UnitSection[], diags: Diagnostic[]): string | undefined {
  const say = (line: number, message: string, priority: number) => diags.push({ message: `[${path}:${line}] ${message}`, priority });
  let section: string | undefined;
  let ignored = false;
  let line = 0;
  let continuation: string | undefined;
  const raw = text.split('\n');
  if (raw.at(-1) === '') raw.pop();
  for (const physical of raw) {
    let l = (continuation ?? '') + physical;
    continuation = undefined;
    // An odd number of trailing backslashes continues the line (the backslash becomes a space).
    if (/(^|[^\\])(\\\\)*\\$/.test(l)) {
      continuation = l.slice(0, -1) + ' ';
      continue;
    }
    // The line number counts logical lines: a continued line is one (v229's `++line`).
    line++;
    l = l.trim();
    if (l === '' || l.startsWith('#') || l.startsWith(';')) continue;
    if (l.startsWith('[')) {
      if (!l.endsWith(']')) {
        say(line, `Invalid section header '${l}'`, PRIORITY.err);
        return EBADMSG;
      }
      const n = l.slice(1, -1);
      if (sections.includes(n)) {
        section = n;
        ignored = false;
      } else {
        if (!n.startsWith('X-')) say(line, `Unknown section '${n}'. Ignoring.`, PRIORITY.warning);
        section = undefined;
        ignored = true;
      }
      continue;
    }
    if (section === undefined) {
      if (!ignored) say(line, 'Assignment outside of section. Ignoring.', PRIORITY.warning);
      continue;
    }
    const eq = l.indexOf('=');
    if (eq < 0) {
      // UNSURE: v229 returns -EINVAL here (219 returned -EBADMSG, 240 ignores the line).
      say(line, "Missing '='.", PRIORITY.warning);
      return EINVAL;
    }
    const key = l.slice(0, eq).trim();
    const value = l.slice(eq + 1).trim();
    if (!knownKey(section, key)) {
      if (!key.startsWith('X-')) say(line, `Unknown lvalue '${key}' in section '${section}'`, PRIORITY.warning);
      continue;
    }
    if (section === 'Service' && ENUMS[key] && !ENUMS[key].values.includes(value)) {
      say(line, `Failed to parse ${ENUMS[key].what}, ignoring: ${value}`, PRIORITY.err);
      continue;
    }
    if (EXEC_KEYS.has(key) && value !== '') {
      // config_parse_exec: prefixes `-` and `@`, then the path, which must be absolute.
      const path0 = value.replace(/^[-@]+/, '').match(/^"([^"]*)"|^'([^']*)'|^\S+/);
      const exe = path0?.[1] ?? path0?.[2] ?? path0?.[0] ?? '';
      if (!exe.startsWith('/')) {
        say(line, `Executable path is not absolute, ignoring: ${value}`, PRIORITY.err);
        continue;
      }
    }
    out.push({ section, key, value });
  }
  return undefined;
}

/** service_verify (src/core/service.c of v229): the checks that refuse a service's load. */
function verifyService(name: string, settings: readonly UnitSection[], diags: Diagnostic[]): string | undefined {
  let starts = 0;
  let stops = 0;
  let type = 'simple';
  let remain = false;
  for (const e of settings) {
    if (e.section !== 'Service') continue;
    // An empty ExecStart= empties the list (a drop-in's way to replace the command).
    if (e.key === 'ExecStart') starts = e.value === '' ? 0 : starts + 1;
    else if (e.key === 'ExecStop') stops = e.value === '' ? 0 : stops + 1;
    else if (e.key === 'Type') type = e.value;
    else if (e.key === 'RemainAfterExit') remain = /^(1|yes|true|on)$/.test(e.value);
  }
  const refuse = (why: string) => {
    diags.push({ message: `${name}: ${why} Refusing.`, priority: PRIORITY.err });
    return EINVAL;
  };
  if (starts === 0 && stops === 0) return refuse('Service lacks both ExecStart= and ExecStop= setting.');
  // UNSURE: these two checks as v229 words them (they came with v225's ExecStop=-only services).
  if (type !== 'oneshot' && starts === 0) return refuse('Service has no ExecStart= setting, which is only allowed for Type=oneshot services.');
  if (!remain && starts === 0) return refuse('Service has no ExecStart= setting, which is only allowed for RemainAfterExit=yes services.');
  if (type !== 'oneshot' && starts > 1) return refuse('Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services.');
  return undefined;
}
