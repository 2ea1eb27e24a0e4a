import type { CheckResult } from './types.ts';
import type { CommandRecord } from './history.ts';
import type { LessonState } from './state.ts';

/** Helpers for lessons' checks. */
export const pass = (): CheckResult => ({ ok: true, reason: '' });
export const notYet = (reason: string): CheckResult => ({ ok: false, reason });

/** etcdctl's global flags that take a value (`--peers x`, `-C x` ...). */
const VALUE_FLAGS = new Set(['--peers', '-C', '--endpoint', '--endpoints', '--cert-file', '--key-file', '--ca-file', '--username', '-u', '--timeout', '--total-timeout', '--discovery-srv', '-D', '--output', '-o']);

/** Splits a command line into words, honouring simple quotes. */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** An etcdctl command line as subcommand, arguments and flags; undefined if not etcdctl. */
export function parseEtcdctl(line: string): { sub: string; args: string[]; flags: string[] } | undefined {
  const w = words(line.trim());
  let i = w[0] === 'sudo' ? 1 : 0;
  if (w[i] !== 'etcdctl' && !w[i]?.endsWith('/etcdctl')) return undefined;
  i++;
  while (i < w.length && w[i]!.startsWith('-')) i += VALUE_FLAGS.has(w[i]!) ? 2 : 1;
  const sub = w[i];
  if (!sub) return undefined;
  const args: string[] = [];
  const flags: string[] = [];
  for (const x of w.slice(i + 1)) (x.startsWith('-') ? flags : args).push(x);
  return { sub, args, flags };
}

/** `/a/b/` and `a/b` name the same key. */
export const sameKey = (a: string | undefined, b: string): boolean => a !== undefined && norm(a) === norm(b);
const norm = (k: string) => '/' + k.split('/').filter(Boolean).join('/');

/** The last etcdctl `sub` (one of) on `key` typed since the lesson began. */
export function lastEtcdctl(state: LessonState, subs: string[], key?: string, machine?: string): CommandRecord | undefined {
  for (let i = state.commands.length - 1; i >= 0; i--) {
    const c = state.commands[i]!;
    if (machine && c.machine !== machine) continue;
    const p = parseEtcdctl(c.line);
    if (p && subs.includes(p.sub) && (key === undefined || sameKey(p.args[0], key))) return c;
  }
  return undefined;
}

/** The last curl on the keys API at `key` (any method). */
export function lastCurlOnKey(state: LessonState, key: string, method?: string): CommandRecord | undefined {
  const path = '/v2/keys' + norm(key);
  for (let i = state.commands.length - 1; i >= 0; i--) {
    const c = state.commands[i]!;
    const w = words(c.line);
    if (w[0] !== 'curl') continue;
    const hit = w.some((x) => {
      try {
        return new URL(x).pathname.replace(/\/+$/, '') === path;
      } catch {
        return false;
      }
    });
    if (!hit) continue;
    if (method) {
      const xi = w.findIndex((x) => x === '-X' || x === '--request');
      const m = xi >= 0 ? w[xi + 1] : w.find((x) => x.startsWith('-X'))?.slice(2);
      if ((m ?? '').toUpperCase() !== method) continue;
    }
    return c;
  }
  return undefined;
}
