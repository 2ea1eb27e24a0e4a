import { describe, it, expect } from 'vitest';
import { ShellHarness } from './harness.ts';

async function out(line: string, h = new ShellHarness()): Promise<string> {
  const r = await h.run(line);
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('quoting and expansion (bash behaviour)', () => {
  it('quotes and escapes', async () => {
    expect(await out(`echo 'a  b'  "c  d"  e\\ \\ f`)).toBe('a  b c  d e  f\n');
    expect(await out(`echo "a\\$b" 'a\\$b' a\\$b`)).toBe('a$b a\\$b a$b\n');
    expect(await out(`echo "it's" 'say "hi"'`)).toBe(`it's say "hi"\n`);
    expect(await out(`echo $'a\\tb'`)).toBe('a\tb\n');
    expect(await out(`echo a#b #comment`)).toBe('a#b\n');
    expect(await out(`echo '' "" x`)).toBe('  x\n');
  });

  it('variables, splitting and $?', async () => {
    expect(await out(`x='a   b'; echo $x; echo "$x"`)).toBe('a b\na   b\n');
    expect(await out(`x=hello; echo "\${x}y" \${#x} $xy.`)).toBe('helloy 5 .\n');
    expect(await out(`false; echo $?; true; echo $?`)).toBe('1\n0\n');
    expect(await out(`nosuchcmd 2>/dev/null; echo $?`)).toBe('127\n');
    expect(await out(`empty=; echo a $empty b "$empty" c`)).toBe('a b  c\n');
  });

  it('parameter operators', async () => {
    expect(await out('echo ${unset:-default} ${HOME:+set} ${unset-x}')).toBe('default set x\n');
    expect(await out('v=/a/b/c.txt; echo ${v##*/} ${v%.*} ${v#/} ${v%%/*}')).toBe('c.txt /a/b/c a/b/c.txt\n');
    expect(await out('echo ${n:=7}; echo $n')).toBe('7\n7\n');
  });

  it('substrings, replacement and case of a parameter (bash 4.x operators)', async () => {
    const h = new ShellHarness();
    expect(await out('X=abcabc; echo ${X:1} ${X:1:2} ${X: -2} ${X:1:-1} ${X/b/B} ${X//b/B} ${X/#a/A} ${X/%c/C} ${X/b} "${X//[ac]/-}" ${X^^} ${X^}', h)).toBe(
      'bcabc bc bc bcab aBcabc aBcaBc Abcabc abcabC acabc -b--b- ABCABC Abcabc\n',
    );
    expect(await out('Y=ABC; i=1; echo ${Y,,} ${Y,} ${Y:i} ${X:7}x ${X: -9}y; p=a; echo ${X//$p/"*"} ${X^^[ab]}', h)).toBe('abc aBC BC x y\n*bc*bc ABcABc\n');
    expect(await h.run('echo ${X:2:-5}; echo no')).toMatchObject({ stdout: '', stderr: 'bash: -5: substring expression < 0\n', code: 1 });
  });

  it('an expansion error abandons the rest of the line (subst.c: DISCARD), not the next line', async () => {
    const h = new ShellHarness();
    expect(await h.run('echo ${a b}; echo next\necho line2')).toMatchObject({
      stdout: 'line2\n',
      stderr: 'bash: ${a b}: bad substitution\n',
    });
    const div = 'bash: 1/0: division by 0 (error token is "0")\n';
    expect(await h.run('echo $((1/0)); echo after')).toMatchObject({ stdout: '', stderr: div, code: 1 });
    expect(await h.run('echo ${X:?msg} && echo after; echo again')).toMatchObject({ stdout: '', stderr: 'bash: X: msg\n', code: 1 });
    expect(await h.run('for i in 1 2; do echo $((1/0)); echo in; done; echo after')).toMatchObject({ stdout: '', stderr: div, code: 1 });
    expect(await h.run('f() { echo $((1/0)); echo inf; }; f; echo after')).toMatchObject({ stdout: '', code: 1 });
    expect(await h.run('while echo ${a b}; do :; done; echo after')).toMatchObject({ stdout: '', code: 1 });
    expect(await h.run('for i in 1 ${a b}; do echo $i; done; echo after')).toMatchObject({ stdout: '', code: 1 });
    expect(h.shell.lastExitCode).toBe(1);
    // A subshell (and $(...), a pipeline's element) is a process of its own: only it stops.
    expect(await h.run('(echo $((1/0)); echo sub); echo $?; echo $(echo ${X:?m}; echo in) out $?')).toMatchObject({ stdout: '1\nout 1\n', code: 0 });
    expect(await h.run('while echo $((1/0)); do :; done | cat; echo $?')).toMatchObject({ stdout: '0\n', code: 0 });
    // A redirection that fails is that command's error only.
    expect(await h.run('echo > /nodir/x; echo after')).toMatchObject({ stdout: 'after\n', code: 0 });
  });

  it('a trailing backslash continues the line; a line typed and then ended drops it', async () => {
    // What the terminal hands on after the `> ` prompt: the lines joined by a newline.
    expect(await out('echo a \\\n  b\\\nc')).toBe('a bc\n');
    expect(await out('echo a\\')).toBe('a\n');
    expect(await new ShellHarness().run('\\')).toMatchObject({ stdout: '', stderr: '', code: 0 });
    // Not in a child shell's text: `bash -c` keeps the backslash, as bash does.
    expect(await out("bash -c 'echo a\\'")).toBe('a\\\n');
  });

  it("bash's own variables", async () => {
    const h = new ShellHarness();
    expect(await out('echo $UID $EUID $BASH_VERSION', h)).toBe('500 500 4.3.42(1)-release\n');
    expect(await out("sudo bash -c 'echo $UID $EUID'", h)).toBe('0 0\n');
    expect(await out('echo $(( $$ - PPID )); bash -c \'echo $PPID\' | grep -c "^$$$"', h)).toBe('1\n1\n');
    // An interactive shell counts the lines it has read; bash -c counts its own.
    expect(await out('echo $LINENO\necho $LINENO; echo $LINENO\nfor i in 1; do\necho $LINENO\ndone', h)).toBe('4\n5\n5\n7\n');
    expect(await out('echo $LINENO', h)).toBe('9\n');
    expect(await out("bash -c 'echo $LINENO\necho $LINENO'", h)).toBe('1\n2\n');
  });

  it('tilde, home and the login environment', async () => {
    expect(await out('echo ~ ~/x "~" $HOME $USER')).toBe('/home/core /home/core/x ~ /home/core core\n');
    expect(await out('echo $COREOS_PUBLIC_IPV4 $COREOS_PRIVATE_IPV4 $HOSTNAME')).toBe('172.17.8.101 172.17.8.101 core-01\n');
  });

  it('command substitution', async () => {
    expect(await out('echo $(echo hi) "$(echo \'a  b\')" `echo c`')).toBe('hi a  b c\n');
    expect(await out('echo "[$(printf_missing 2>/dev/null)]"')).toBe('[]\n');
    expect(await out('x=$(false); echo $?')).toBe('1\n');
    expect(await out('echo $(echo one; echo two)')).toBe('one two\n');
    expect(await out('echo "$(echo one; echo two)"')).toBe('one\ntwo\n');
    expect(await out('echo ip=$(hostname)')).toBe('ip=core-01\n');
  });

  it('brace expansion', async () => {
    expect(await out('echo a{1..3}b')).toBe('a1b a2b a3b\n');
    expect(await out('echo rethinkdb@{1..3}.service')).toBe('rethinkdb@1.service rethinkdb@2.service rethinkdb@3.service\n');
    expect(await out('echo {a,b}{1,2}')).toBe('a1 a2 b1 b2\n');
    expect(await out('echo "{1..3}" {1..3 {a} {}')).toBe('{1..3} {1..3 {a} {}\n');
    expect(await out('echo {3..1} {01..03} {a..c}')).toBe('3 2 1 01 02 03 a b c\n');
  });

  it('arithmetic', async () => {
    expect(await out('echo $((1+2*3)) $(( (1+2)*3 )) $((7/2)) $((7%3)) $((2**10)) $((-3+1))')).toBe('7 9 3 1 1024 -2\n');
    expect(await out('i=0; i=$((i+1)); echo $i $((i<2)) $((x))')).toBe('1 1 0\n');
  });

  it('globbing matches files and leaves other words alone', async () => {
    const h = new ShellHarness();
    h.host.fs.write('/home/core/a.service', '');
    h.host.fs.write('/home/core/b.service', '');
    expect(await out('echo *.service', h)).toBe('a.service b.service\n');
    expect(await out('echo "*.service" *.nothing', h)).toBe('*.service *.nothing\n');
    expect(await out('echo /etc/host*', h)).toBe('/etc/hostname\n');
  });

  it('assignments: plain, exported, and as command prefixes', async () => {
    const h = new ShellHarness();
    expect(await out('FOO=bar; echo $FOO', h)).toBe('bar\n');
    expect(await out('bash -c "echo [\\$FOO]"', h)).toBe('[]\n');
    expect(await out('export FOO; bash -c "echo [\\$FOO]"', h)).toBe('[bar]\n');
    expect(await out('BAZ=1 printenv BAZ; echo "[$BAZ]"', h)).toBe('1\n[]\n');
    expect(await out('export X=$(echo a b); echo "$X"', h)).toBe('a b\n');
  });
});

describe('control flow', () => {
  it('&& and ||', async () => {
    expect(await out('true && echo yes || echo no; false && echo yes || echo no')).toBe('yes\nno\n');
    expect(await out('! true; echo $?; ! false; echo $?')).toBe('1\n0\n');
  });

  it('for, while, until, if', async () => {
    expect(await out('for i in 1 2 3; do echo $i; done')).toBe('1\n2\n3\n');
    expect(await out('for i in {1..3}; do echo -n $i; done; echo')).toBe('123\n');
    expect(await out('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done')).toBe('0\n1\n2\n');
    expect(await out('n=0; until [ $n -ge 2 ]; do n=$((n+1)); done; echo $n')).toBe('2\n');
    expect(await out('if [ -f /etc/hostname ]; then echo file; else echo none; fi')).toBe('file\n');
    expect(await out('if false; then echo a; elif true; then echo b; else echo c; fi')).toBe('b\n');
    expect(await out('for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; [ $i = 4 ] && break; echo $i; done')).toBe('1\n3\n');
    expect(await out('for x in a b\ndo\n  echo $x\ndone')).toBe('a\nb\n');
  });

  it('case ... esac: globs, alternatives, quoting, ;& and ;;&', async () => {
    expect(await out('x=stop; case $x in start|stop) echo ss;; *) echo other;; esac')).toBe('ss\n');
    expect(await out('case a in a) echo 1;& b) echo 2;; c) echo 3;; esac; case ab in a*) echo 1;;& *b) echo 2;; esac')).toBe('1\n2\n1\n2\n');
    expect(await out('case b in a) echo a;; esac; echo $?; case a in a) false;; esac; echo $?; case a in a) ;; esac; echo $?')).toBe('0\n1\n0\n');
    expect(await out('case a in (a|b) echo paren;; esac; case x in "*") echo no;; *) echo yes;; esac; case "*" in "*") echo star; esac')).toBe('paren\nyes\nstar\n');
    expect(await out('case core-01 in\n  core-0[12])\n    echo first\n    ;;\n  *) echo rest ;;\nesac')).toBe('first\n');
  });

  it('groups, subshells and functions', async () => {
    expect(await out('{ echo a; echo b; } | wc -l')).toBe('2\n');
    expect(await out('(cd /tmp; pwd); pwd')).toBe('/tmp\n/home/core\n');
    expect(await out('f() { echo "args: $@ ($#)"; return 3; }; f a b; echo $?')).toBe('args: a b (2)\n3\n');
  });

  it('exit ends the line with its status', async () => {
    const h = new ShellHarness();
    const r = await h.run('echo a; exit 3; echo b');
    expect(r).toMatchObject({ stdout: 'a\n', code: 3 });
    expect((await h.run('echo still here')).stdout).toBe('still here\n');
    // get_exitstat: more than one argument is complained about; the first still counts.
    expect(await h.run('exit 4 5; echo no')).toMatchObject({ stdout: '', stderr: 'bash: exit: too many arguments\n', code: 4 });
  });

  it('return outside a function or sourced file is an error, and the line goes on', async () => {
    const h = new ShellHarness();
    const r = await h.run('return 3; echo $?');
    expect(r).toMatchObject({ stdout: '2\n', stderr: "bash: return: can only `return' from a function or sourced script\n" });
    expect(await out('f() { return 4; echo no; }; f; echo $?; g() { (return 5); echo $?; }; g', h)).toBe('4\n5\n');
    h.host.fs.write('/home/core/r.sh', 'echo one\nreturn 6\necho two\n');
    expect(await out('source r.sh; echo $?', h)).toBe('one\n6\n');
  });

  it('an endless loop lets virtual time run and stops on Ctrl-C', async () => {
    const h = new ShellHarness();
    const r = await h.run('while true; do echo x; done', { interruptAfterMs: 50 });
    expect(r.code).toBe(130);
    const lines = r.stdout.split('\n').filter(Boolean).length;
    expect(lines).toBeGreaterThan(40);
    expect(lines).toBeLessThan(60);
  });

  it('Ctrl-C during sleep in a loop ends it with 130', async () => {
    const h = new ShellHarness();
    const r = await h.run('while true; do sleep 1; echo tick; done; echo after', { interruptAfterMs: 2500 });
    expect(r).toMatchObject({ stdout: 'tick\ntick\n', code: 130 });
    expect(r.elapsed).toBe(2500);
  });
});

describe('pipes and redirections', () => {
  it('pipes', async () => {
    expect(await out('echo hello | cat')).toBe('hello\n');
    expect(await out('seq 5 | grep -v 3 | wc -l')).toBe('4\n');
    expect(await out('seq 10 | head -n 3')).toBe('1\n2\n3\n');
    expect(await out('false | true; echo $?')).toBe('0\n');
    expect(await out('echo a | read x; echo "[$x]"')).toBe('[]\n');
  });

  it('files', async () => {
    const h = new ShellHarness();
    expect(await out('echo hi > f; echo more >> f; cat f; cat < f', h)).toBe('hi\nmore\nhi\nmore\n');
    expect(h.host.fs.read('/home/core/f')).toBe('hi\nmore\n');
    expect(await out('cat /etc/hostname nofile 2>/dev/null; echo $?', h)).toBe('core-01\n1\n');
    expect(await out('cat nofile 2>&1 | grep -c "No such"', h)).toBe('1\n');
    expect(await out('echo x 2>&1 >/dev/null', h)).toBe('');
  });

  it('stderr redirection', async () => {
    const h = new ShellHarness();
    const r = await h.run('echo err >&2; echo out');
    expect(r).toMatchObject({ stdout: 'out\n', stderr: 'err\n' });
  });

  it('redirection errors', async () => {
    const h = new ShellHarness();
    expect(await h.run('echo hi > /etc/x')).toMatchObject({ stderr: 'bash: /etc/x: Permission denied\n', code: 1 });
    expect(await h.run('cat < nofile')).toMatchObject({ stderr: 'bash: nofile: No such file or directory\n', code: 1 });
    expect(await h.run('echo > /nope/x')).toMatchObject({ stderr: 'bash: /nope/x: No such file or directory\n', code: 1 });
    expect(await h.run('echo > /usr/x')).toMatchObject({ stderr: 'bash: /usr/x: Read-only file system\n', code: 1 });
    expect(await h.run('echo hi > $nothing')).toMatchObject({ stderr: 'bash: $nothing: ambiguous redirect\n', code: 1 });
  });

  it('here-documents and here-strings', async () => {
    expect(await out('cat <<EOF\nline $HOME\n  two\nEOF\necho after')).toBe('line /home/core\n  two\nafter\n');
    expect(await out("cat <<'EOF'\n$HOME\nEOF")).toBe('$HOME\n');
    expect(await out('cat <<-EOF\n\tindented\n\tEOF')).toBe('indented\n');
    expect(await out('cat <<< "hi there"')).toBe('hi there\n');
  });

  it('a reader that quits makes the writer stop (SIGPIPE)', async () => {
    const h = new ShellHarness();
    const r = await h.run('while true; do echo y; sleep 1; done | head -n 2');
    expect(r).toMatchObject({ stdout: 'y\ny\n', code: 0 });
    expect(r.elapsed).toBeLessThan(3000);
  });
});

describe('commands and errors', () => {
  it('unknown commands', async () => {
    const h = new ShellHarness();
    const r = await h.run('echo a; foo; echo b');
    expect(r).toMatchObject({ stdout: 'a\nb\n', stderr: 'bash: foo: command not found\n', code: 0 });
    expect(await h.run('foo')).toMatchObject({ code: 127 });
    expect(await h.run('./nothing')).toMatchObject({ stderr: 'bash: ./nothing: No such file or directory\n', code: 127 });
  });

  it('programs by their path', async () => {
    expect(await out('/usr/bin/echo hi; /bin/hostname')).toBe('hi\ncore-01\n');
  });

  it('scripts with a #! line run in a child shell', async () => {
    const h = new ShellHarness();
    h.host.fs.write('/home/core/s.sh', '#!/bin/bash\necho "script $1 $0"\nexit 4\n');
    expect(await h.run('./s.sh arg; echo $?')).toMatchObject({ stdout: 'script arg ./s.sh\n4\n' });
    h.host.fs.write('/home/core/plain.txt', 'echo no\n');
    expect(await h.run('./plain.txt')).toMatchObject({ stderr: 'bash: ./plain.txt: Permission denied\n', code: 126 });
  });

  it('sh -c with positional parameters, source keeps variables', async () => {
    const h = new ShellHarness();
    expect(await out("sh -c 'echo $0 $1 $#' name one", h)).toBe('name one 1\n');
    // A prefix assignment is in the child's environment (and not left in this shell).
    expect(await out("A=2 sh -c 'echo $A'; A=3 bash -c 'echo $A'; echo \"[$A]\"", h)).toBe('2\n3\n[]\n');
    h.host.fs.write('/home/core/a.sh', 'echo "a=$A"\n');
    expect(await out('A=4 bash a.sh; echo "echo \\$A" | A=5 sh', h)).toBe('a=4\n5\n');
    h.host.fs.write('/home/core/vars', 'A=1\ncd /tmp\n');
    expect(await out('source vars; echo $A; pwd', h)).toBe('1\n/tmp\n');
  });

  it('background jobs run on without holding the line', async () => {
    const h = new ShellHarness();
    const r = await h.run('(sleep 1; echo late > bg.txt) & echo now');
    expect(r.stdout).toBe('now\n');
    expect(r.elapsed).toBeLessThan(1000);
    expect(h.host.fs.read('/home/core/bg.txt')).toBeUndefined();
    await h.run('sleep 2');
    expect(h.host.fs.read('/home/core/bg.txt')).toBe('late\n');
  });

  it('the shell keeps state between lines', async () => {
    const h = new ShellHarness();
    await h.run('cd /etc; X=5');
    expect(await out('pwd; echo $X $OLDPWD', h)).toBe('/etc\n5 /home/core\n');
    await h.run('false');
    expect(h.shell.lastExitCode).toBe(1);
  });
});

describe('arithmetic errors', () => {
  it('worded as bash', async () => {
    const h = new ShellHarness();
    expect(await h.run('echo $((5/0)); echo next')).toMatchObject({ stdout: '', stderr: 'bash: 5/0: division by 0 (error token is "0")\n' });
    expect((await h.run('echo $((1+))')).stderr).toBe('bash: 1+: syntax error: operand expected (error token is "+")\n');
  });
});

describe('set and shift', () => {
  it('positional parameters', async () => {
    const h = new ShellHarness();
    expect((await h.run('set -- a b c; echo $# $2; shift; echo $@; shift 2; echo $#')).stdout).toBe('3 b\nb c\n0\n');
    expect((await h.run('set -e; echo ok')).stdout).toBe('ok\n');
  });
});

describe('here-document cut short', () => {
  it('warns and uses what there is', async () => {
    const h = new ShellHarness();
    const r = await h.run('cat <<EOF\nonly line');
    expect(r).toMatchObject({ stdout: 'only line\n', stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", code: 0 });
  });
});
