import { goDuration } from '../../../../sim/go-format.ts';
import { parseGoBool, parseGoDuration, parseGoInt } from './go-parse.ts';

/**
 * codegangsta/cli flags (the 2016 v1 line vendored by etcd 2.3) and the Go `flag` package that
 * parses them. A flag's `name` lists its aliases the cli way: "recursive, r".
 */
export type FlagValue = boolean | string | number;

export type FlagDef =
  | { kind: 'bool'; name: string; usage: string }
  | { kind: 'string'; name: string; value: string; usage: string }
  | { kind: 'int'; name: string; value: number; usage: string }
  /** Durations in milliseconds. */
  | { kind: 'duration'; name: string; value: number; usage: string };

export const HELP_FLAG: FlagDef = { kind: 'bool', name: 'help, h', usage: 'show help' };
export const VERSION_FLAG: FlagDef = { kind: 'bool', name: 'version, v', usage: 'print the version' };

/** A flag's aliases by its `name`; the names are a fixed set of literals, and parsing asks often. */
const namesCache = new Map<string, readonly string[]>();

export function flagNames(f: FlagDef): readonly string[] {
  let names = namesCache.get(f.name);
  if (names === undefined) namesCache.set(f.name, (names = f.name.split(',').map((n) => n.trim())));
  return names;
}

function prefixedNames(f: FlagDef): string {
  return flagNames(f)
    .map((n) => (n.length === 1 ? '-' : '--') + n)
    .join(', ');
}

/** The flag's line in help output (cli's Flag.String()); the tab separates the columns. */
export function flagHelp(f: FlagDef): string {
  switch (f.kind) {
    case 'bool':
      return `${prefixedNames(f)}\t${f.usage}`;
    case 'string':
      return f.value.length > 0 ? `${prefixedNames(f)} "${f.value}"\t${f.usage}` : `${prefixedNames(f)} \t${f.usage}`;
    case 'int':
      return `${prefixedNames(f)} "${f.value}"\t${f.usage}`;
    case 'duration':
      return `${prefixedNames(f)} "${goDuration(f.value)}"\t${f.usage}`;
  }
}

function defaultValue(f: FlagDef): FlagValue {
  return f.kind === 'bool' ? false : f.value;
}

/** What a definitions array knows, built once and never mutated. */
interface Known {
  /** Name -> definition. */
  formal: ReadonlyMap<string, FlagDef>;
  /** Name -> default value (what every lookup answers when no flag was given). */
  defaults: ReadonlyMap<string, FlagValue>;
  aliased: readonly (readonly string[])[];
}

const knownCache = new WeakMap<readonly FlagDef[], Known>();

/**
 * A Go flag.FlagSet over cli flag definitions, every alias registered as its own Go flag.
 * Parsing stops at the first non-flag argument or after `--`; errors are Go's messages (cli
 * discards them, but they decide between running and "Incorrect Usage.").
 */
export class FlagSet {
  private readonly formal: ReadonlyMap<string, FlagDef>;
  private readonly defaults: ReadonlyMap<string, FlagValue>;
  /** The names of each flag that has more than one, in definition order. */
  private readonly aliased: readonly (readonly string[])[];
  /** The flags given, by the name used; made for the first (most runs give none). */
  private actual: Map<string, FlagValue> | undefined;
  args: string[] = [];

  constructor(readonly defs: readonly FlagDef[]) {
    let known = knownCache.get(defs);
    if (known === undefined) {
      const formal = new Map<string, FlagDef>();
      for (const d of defs) for (const n of flagNames(d)) if (!formal.has(n)) formal.set(n, d);
      const defaults = new Map<string, FlagValue>();
      formal.forEach((d, n) => defaults.set(n, defaultValue(d)));
      const aliased = defs.map(flagNames).filter((names) => names.length > 1);
      knownCache.set(defs, (known = { formal, defaults, aliased }));
    }
    this.formal = known.formal;
    this.defaults = known.defaults;
    this.aliased = known.aliased;
  }

  /** Parses `args` from index `from` on; returns Go's error text, or undefined when parsing succeeded. */
  parse(args: readonly string[], from = 0): string | undefined {
    this.args = args.slice(from);
    for (;;) {
      const r = this.parseOne();
      if (r === true) continue;
      return r === false ? undefined : r;
    }
  }

  private parseOne(): boolean | string {
    const s = this.args[0];
    if (s === undefined || s.length < 2 || s[0] !== '-') return false;
    let minuses = 1;
    if (s[1] === '-') {
      minuses = 2;
      if (s.length === 2) {
        this.args.shift();
        return false;
      }
    }
    let name = s.slice(minuses);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') return `bad flag syntax: ${s}`;
    this.args.shift();
    let value: string | undefined;
    const eq = name.indexOf('=', 1);
    if (eq > 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const def = this.formal.get(name);
    if (!def) return `flag provided but not defined: -${name}`;
    if (def.kind === 'bool') {
      if (value === undefined) this.given(name, true);
      else {
        const b = parseGoBool(value);
        if (b === undefined) return `invalid boolean value "${value}" for -${name}`;
        this.given(name, b);
      }
      return true;
    }
    if (value === undefined) {
      if (this.args.length === 0) return `flag needs an argument: -${name}`;
      value = this.args.shift()!;
    }
    const parsed = def.kind === 'string' ? value : def.kind === 'int' ? parseGoInt(value) : parseGoDuration(value);
    if (parsed === undefined) return `invalid value "${value}" for flag -${name}`;
    this.given(name, parsed);
    return true;
  }

  private given(name: string, v: FlagValue): void {
    (this.actual ??= new Map()).set(name, v);
  }

  /** cli's normalizeFlags: one alias per flag may be given; its value then answers for all. */
  normalize(): string | undefined {
    const actual = this.actual;
    if (actual === undefined) return undefined;
    for (const names of this.aliased) {
      let seen: string | undefined;
      for (const n of names) {
        if (!actual.has(n)) continue;
        if (seen !== undefined) return `Cannot use two forms of the same flag: ${n} ${seen}`;
        seen = n;
      }
    }
    return undefined;
  }

  /** The value of a flag by any of its names; the default when not given; undefined when unknown. */
  get(name: string): FlagValue | undefined {
    // Most runs give no flag at this level: every lookup is a default (undefined when unknown).
    const actual = this.actual;
    if (actual === undefined) return this.defaults.get(name);
    const def = this.formal.get(name);
    if (!def) return undefined;
    for (const n of flagNames(def)) if (actual.has(n)) return actual.get(n);
    return defaultValue(def);
  }

  isSet(name: string): boolean {
    const def = this.formal.get(name);
    const actual = this.actual;
    return def !== undefined && actual !== undefined && flagNames(def).some((n) => actual.has(n));
  }
}
