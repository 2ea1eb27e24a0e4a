import type { Builtin } from '../registry.ts';
import { NAME_RE } from '../state.ts';
import { readLine } from '../streams.ts';

/** bash's read: one line into the named variables (IFS-split, the last takes the rest); REPLY by default. */
export const read: Builtin = async (proc, sh) => {
  const st = sh.state;
  const args = proc.argv.slice(1);
  let raw = false;
  let prompt = '';
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-r') raw = true;
    else if (a === '-p') prompt = args[++i] ?? '';
    else if (a.startsWith('-') && names.length === 0) {
      proc.stderr.write(`bash: read: ${a.slice(0, 2)}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n`);
      return 2;
    } else names.push(a);
  }
  for (const n of names) {
    if (!NAME_RE.test(n)) {
      proc.stderr.write(`bash: read: \`${n}': not a valid identifier\n`);
      return 1;
    }
  }
  if (prompt && proc.stdin.isTTY) proc.stderr.write(prompt);
  let line = await readLine(proc.stdin);
  const eof = line === null;
  // Without -r a backslash escapes the next character (and a trailing one joins the next line).
  while (!raw && line !== null && /(^|[^\\])(\\\\)*\\$/.test(line)) {
    const more = await readLine(proc.stdin);
    line = line.slice(0, -1) + (more ?? '');
    if (more === null) break;
  }
  let text = line ?? '';
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  if (names.length === 0) {
    st.vars.set('REPLY', line ?? '');
    return eof ? 1 : 0;
  }
  const ifs = st.vars.get('IFS') ?? ' \t\n';
  const ws: string[] = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n');
  const isWs = (c: string | undefined) => c !== undefined && ws.includes(c);
  const trimStart = (s: string) => {
    let k = 0;
    while (isWs(s[k])) k++;
    return s.slice(k);
  };
  let rest = trimStart(text);
  names.forEach((n, i) => {
    if (i === names.length - 1) {
      let end = rest.length;
      while (end > 0 && isWs(rest[end - 1])) end--;
      st.vars.set(n, rest.slice(0, end));
      return;
    }
    let j = 0;
    while (j < rest.length && !ifs.includes(rest[j]!)) j++;
    st.vars.set(n, rest.slice(0, j));
    rest = trimStart(rest.slice(j));
    if (rest && ifs.includes(rest[0]!) && !isWs(rest[0])) rest = trimStart(rest.slice(1));
  });
  return eof ? 1 : 0;
};
