import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse, Parser, plainLine, ShellSyntaxError } from '../../src/shell/parser.ts';
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
    ['case', "bash: syntax error near unexpected token `newline'\n"],
    ['case a in', 'bash: syntax error: unexpected end of file\n'],
    ['case a in a) echo x', 'bash: syntax error: unexpected end of file\n'],
    ['case a in a) echo x;; b', "bash: syntax error near unexpected token `newline'\n"],
    ['case a in a echo; esac', "bash: syntax error near unexpected token `echo'\n"],
    // The typed line's newline is the token these stop at.
    ['for', "bash: syntax error near unexpected token `newline'\n"],
    ['echo (', "bash: syntax error near unexpected token `newline'\n"],
    ['f (', "bash: syntax error near unexpected token `newline'\n"],
    ['for i', 'bash: syntax error: unexpected end of file\n'],
    ['echo $((1+2', "bash: unexpected EOF while looking for matching `)'\nbash: syntax error: unexpected end of file\n"],
    ['echo $((', "bash: unexpected EOF while looking for matching `)'\nbash: syntax error: unexpected end of file\n"],
    ['echo $(( 1 + (2', "bash: unexpected EOF while looking for matching `)'\nbash: syntax error: unexpected end of file\n"],
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
    expect(h.shell.isIncomplete('for')).toBe(false);
    expect(h.shell.isIncomplete('case $x in')).toBe(true);
    // A here-document reads lines until its delimiter.
    expect(h.shell.isIncomplete('cat > f <<EOF')).toBe(true);
    expect(h.shell.isIncomplete('cat > f <<EOF\nhi')).toBe(true);
    expect(h.shell.isIncomplete('cat > f <<EOF\nhi\nEOF')).toBe(false);
    expect(h.shell.isIncomplete('case $x in a) echo;;')).toBe(true);
    expect(h.shell.isIncomplete('echo (')).toBe(false);
    expect(h.shell.isIncomplete('echo $((1+2')).toBe(true);
    // A trailing unquoted backslash escapes the newline: bash prompts `> ` for the rest.
    expect(h.shell.isIncomplete('curl -s \\')).toBe(true);
    expect(h.shell.isIncomplete('\\')).toBe(true);
    expect(h.shell.isIncomplete('echo a\\\\')).toBe(false);
    expect(h.shell.isIncomplete("echo 'a\\'")).toBe(false);
    expect(h.shell.isIncomplete('echo a # note \\')).toBe(false);
    expect(() => parse(';')).toThrow(ShellSyntaxError);
  });
});

/** The shortcut for lines of plain words (`plainLine`) must give exactly what the full grammar gives. */
describe('plain lines', () => {
  const fullParse = (line: string) => new Parser(line).nextLine();

  it('a line of plain words is one simple command of literal words, as the full parser makes it', () => {
    for (const line of ['etcdctl set /bench/k1 v1', '  ls   -l /etc\t', 'echo a=b', 'cat ~/x *.txt {a,b}', 'echo !x', 'x!']) {
      const plain = plainLine(line);
      expect(plain, line).toBeDefined();
      expect(plain).toEqual(fullParse(line));
    }
  });

  it('leaves to the full parser: quotes, expansions, operators, comments, assignments and reserved words first', () => {
    for (const line of ['echo "a"', "echo 'a'", 'echo $HOME', 'echo `x`', 'a; b', 'a && b', 'a | b', 'a > f', 'a # c', 'X=1 env', 'if true', 'fi', '! true', '{ a', 'done', 'echo a\\ b', '', '   ']) {
      expect(plainLine(line), line).toBeUndefined();
    }
  });

  it('never differs from the full parser (random lines)', () => {
    const chars = fc.constantFrom(...'ab=/-._~*{},!:+@%^ \t"\'$`;&|<>()#\\\n'.split(''), 'if', 'fi', 'do', 'for', '{', '}', '!', 'x=1');
    let plainOnes = 0;
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (pieces) => {
        const line = pieces.join('');
        const plain = plainLine(line);
        if (plain === undefined) return;
        plainOnes++;
        expect(plain).toEqual(fullParse(line));
      }),
      { numRuns: 2000 },
    );
    // The alphabet is mostly plain characters: the shortcut was really compared, many times.
    expect(plainOnes).toBeGreaterThan(100);
  });
});
