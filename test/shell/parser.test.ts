import { describe, it, expect } from 'vitest';
import { parse, ShellSyntaxError } from '../../src/shell/parser.ts';
import { ShellHarness } from './harness.ts';

/** Syntax errors, worded as bash prints them for a line typed at its prompt (exit status 2). */
describe('syntax errors', () => {
  const cases: [string, string][] = [
    [';', "bash: syntax error near unexpected token `;'\n"],
    ['echo a ;; echo b', "bash: syntax error near unexpected token `;;'\n"],
    ['| grep x', "bash: syntax error near unexpected token `|'\n"],
    ['&& echo', "bash: syntax error near unexpected token `&&'\n"],
    ['echo >', "bash: syntax error near unexpected token `newline'\n"],
    ['echo a > | cat', "bash: syntax error near unexpected token `|'\n"],
    ['done', "bash: syntax error near unexpected token `done'\n"],
    ['fi', "bash: syntax error near unexpected token `fi'\n"],
    ['while true; done', "bash: syntax error near unexpected token `done'\n"],
    ['if true; fi', "bash: syntax error near unexpected token `fi'\n"],
    ['if true; then fi', "bash: syntax error near unexpected token `fi'\n"],
    ['for x in a b; echo $x; done', "bash: syntax error near unexpected token `echo'\n"],
    ['echo a )', "bash: syntax error near unexpected token `)'\n"],
    ['()', "bash: syntax error near unexpected token `)'\n"],
    ['echo a (b)', "bash: syntax error near unexpected token `('\n"],
    ['if true; then echo a', 'bash: syntax error: unexpected end of file\n'],
    ['echo a |', 'bash: syntax error: unexpected end of file\n'],
    ['echo a &&', 'bash: syntax error: unexpected end of file\n'],
    ['{ echo a }', 'bash: syntax error: unexpected end of file\n'],
    ['while true; do echo', 'bash: syntax error: unexpected end of file\n'],
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file\n"],
    ['echo "abc', 'bash: unexpected EOF while looking for matching `"\'\nbash: syntax error: unexpected end of file\n'],
    ['echo $(echo a', "bash: unexpected EOF while looking for matching `)'\nbash: syntax error: unexpected end of file\n"],
    ['echo `echo a', "bash: unexpected EOF while looking for matching ``'\nbash: syntax error: unexpected end of file\n"],
  ];
  for (const [line, err] of cases) {
    it(line, async () => {
      const h = new ShellHarness();
      const r = await h.run(line);
      expect(r).toMatchObject({ stdout: '', stderr: err, code: 2 });
      expect(h.shell.lastExitCode).toBe(2);
    });
  }

  it('a syntax error on a later line does not undo the earlier ones', async () => {
    const h = new ShellHarness();
    const r = await h.run('echo one\necho )');
    expect(r.stdout).toBe('one\n');
    expect(r.stderr).toBe("bash: syntax error near unexpected token `)'\n");
    expect(r.code).toBe(2);
  });

  it('an error anywhere on a line stops the whole line', async () => {
    const h = new ShellHarness();
    const r = await h.run('echo one; echo )');
    expect(r.stdout).toBe('');
  });
});

describe('parse trees', () => {
  it('keywords only count where a command starts', () => {
    const l = parse('echo if then done');
    const cmd = l.items[0]!.node.first.cmds[0]!;
    expect(cmd.type).toBe('simple');
    if (cmd.type === 'simple') expect(cmd.words).toHaveLength(4);
  });

  it('assignments before the command, words after', () => {
    const l = parse('A=1 B=2 env C=3');
    const cmd = l.items[0]!.node.first.cmds[0]!;
    if (cmd.type !== 'simple') throw new Error('not simple');
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.words).toHaveLength(2);
  });

  it('redirections with descriptors', () => {
    const l = parse('cmd 2>&1 >out 2>>err <in');
    const cmd = l.items[0]!.node.first.cmds[0]!;
    if (cmd.type !== 'simple') throw new Error('not simple');
    expect(cmd.redirs.map((r) => `${r.fd}${r.op}`)).toEqual(['2>&', '1>', '2>>', '0<']);
  });

  it('reports incomplete input as such', () => {
    const h = new ShellHarness();
    expect(h.shell.isIncomplete('if true; then')).toBe(true);
    expect(h.shell.isIncomplete("echo 'a")).toBe(true);
    expect(h.shell.isIncomplete('echo a |')).toBe(true);
    expect(h.shell.isIncomplete('echo a')).toBe(false);
    expect(h.shell.isIncomplete('echo >')).toBe(false);
    expect(() => parse(';')).toThrow(ShellSyntaxError);
  });
});
