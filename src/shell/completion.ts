import type { FileSystem } from '../host/filesystem.ts';
import { HOME, isDir, listDir, resolvePath } from './paths.ts';
import type { CommandRegistry } from './registry.ts';
import type { ShellState } from './state.ts';

/** Words after which the next word is a command again. */
const COMMAND_START = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
/** Commands whose first argument is itself a command. */
const PREFIX_COMMANDS = new Set(['sudo', 'time', 'nohup', 'exec', 'command']);

/**
 * Tab completion of the word before the cursor, bash-style: command names where a command
 * starts, a command's registered words for its arguments, file names otherwise. Each candidate
 * is the whole replacement word (directories end with `/`).
 */
export function complete(line: string, registry: CommandRegistry, state: ShellState, fs: FileSystem): string[] {
  const words = commandWords(line);
  const current = words.pop() ?? '';
  if (current.startsWith('$') && !current.includes('/')) {
    const prefix = current.replace(/^\$\{?/, '');
    const open = current.startsWith('${') ? '${' : '$';
    return [...state.vars.keys()].filter((k) => k.startsWith(prefix)).sort().map((k) => open + k + (open === '${' ? '}' : ''));
  }
  // Skip variable assignments and prefix commands to find the command being typed.
  let i = 0;
  while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!) || PREFIX_COMMANDS.has(words[i]!))) i++;
  const rest = words.slice(i);
  if (rest.length === 0) {
    if (current.includes('/')) return paths(current, state, fs, true);
    const names = new Set([...registry.names(), ...state.functions.keys()]);
    return [...names].filter((n) => n.startsWith(current)).sort();
  }
  const fromRegistry = registry.complete(rest[0]!, rest.slice(1), current);
  if (fromRegistry && fromRegistry.length > 0) return [...new Set(fromRegistry)];
  return paths(current, state, fs, false);
}

/** The words of the command the cursor is in; the last one is the word being completed. */
function commandWords(line: string): string[] {
  let words: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let started = false;
  const endWord = () => {
    if (started) words.push(cur);
    cur = '';
    started = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      started = true;
      continue;
    }
    if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      started = true;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    if (';&|(`'.includes(c) || (c === '$' && line[i + 1] === '(')) {
      endWord();
      words = [];
      if (c === '$') i++;
      continue;
    }
    cur += c;
    started = true;
  }
  words.push(cur);
  // A keyword that starts a command resets the command.
  let start = 0;
  for (let k = 0; k < words.length - 1; k++) if (COMMAND_START.has(words[k]!) && k === start) start = k + 1;
  return words.slice(start);
}

function paths(word: string, state: ShellState, fs: FileSystem, dirsAndExecOnly: boolean): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = word.slice(slash + 1);
  let dirText = dirPart;
  if (dirText === '~/' || dirText.startsWith('~/')) dirText = (state.vars.get('HOME') ?? HOME) + dirText.slice(1);
  const dirAbs = resolvePath(state.cwd, dirText || '.');
  if (!isDir(fs, dirAbs)) return [];
  const out: string[] = [];
  for (const name of listDir(fs, dirAbs)) {
    if (!name.startsWith(base)) continue;
    if (name.startsWith('.') && !base.startsWith('.')) continue;
    const dir = isDir(fs, resolvePath(dirAbs, name));
    if (dirsAndExecOnly && !dir && !(fs.read(resolvePath(dirAbs, name)) ?? '').startsWith('#!')) continue;
    out.push(dirPart + name + (dir ? '/' : ''));
  }
  return out;
}
