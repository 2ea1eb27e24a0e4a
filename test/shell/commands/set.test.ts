import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

/** bash 4.3's `set` options, checked against real bash's output. */
describe('set', () => {
  it('-e: a failing command ends the shell, except where its status is tested', async () => {
    const h = new ShellHarness();
    expect(await h.run("bash -c 'set -e; false; echo after'")).toMatchObject({ stdout: '', code: 1 });
    const r = await h.run("bash -c 'set -e; false || true; f() { false; echo inf; }; f || echo or; ! true; echo bang; (false); echo after'");
    expect(r).toMatchObject({ stdout: 'inf\nbang\n', code: 1 });
    expect(await h.run("bash -c 'set -e; if false; then :; fi; while false; do :; done; false && true; echo ok; true && false; echo no'")).toMatchObject({
      stdout: 'ok\n',
      code: 1,
    });
    expect(await h.run("bash -c 'set -e; x=$(false); echo no'")).toMatchObject({ stdout: '', code: 1 });
    // $(...) does not inherit -e in bash 4.3 (no inherit_errexit yet).
    expect(await h.run("bash -c 'set -e; echo $(false; echo in)'")).toMatchObject({ stdout: 'in\n', code: 0 });
    // In the login shell the line ends (bash would log out; the playground keeps the session).
    expect(await h.run('set -e; false; echo after')).toMatchObject({ stdout: '', code: 1 });
    expect(await h.run('set +e; false; echo after')).toMatchObject({ stdout: 'after\n' });
  });

  it('-u: an unset variable is an error that drops the line', async () => {
    const h = new ShellHarness();
    expect(await h.run('set -u; echo $NOPE; echo after')).toMatchObject({ stdout: '', stderr: 'bash: NOPE: unbound variable\n', code: 1 });
    expect(await h.run('echo "$@" $# ${NOPE:-d}; echo $1')).toMatchObject({ stdout: '0 d\n', stderr: 'bash: $1: unbound variable\n', code: 1 });
    expect(await h.run('set +u; echo "[$NOPE]"')).toMatchObject({ stdout: '[]\n', stderr: '' });
  });

  it('-x: each simple command, expanded, on stderr after PS4 (one + more per $(...))', async () => {
    const h = new ShellHarness();
    const r = await h.run(`set -x; echo "a b" c$((1+1)) "" "it's" a=b '$x' 'a*'; A=1 B="a b" echo x; y=$(echo $(echo q)); echo a | cat`);
    expect(r.stdout).toBe("a b c2  it's a=b $x a*\nx\na\n");
    expect(r.stderr).toBe(
      "+ echo 'a b' c2 '' 'it'\\''s' a=b '$x' 'a*'\n+ A=1\n+ B='a b'\n+ echo x\n+++ echo q\n++ echo q\n+ y=q\n+ echo a\n+ cat\n",
    );
    expect((await h.run('set +x; echo quiet')).stderr).toBe('+ set +x\n');
    expect((await h.run('echo quiet')).stderr).toBe('');
  });

  it('-o pipefail: a pipeline fails with its last failing command', async () => {
    const h = new ShellHarness();
    expect((await h.run('set -o pipefail; false | true; echo $?; false | (exit 3) | true; echo $?')).stdout).toBe('1\n3\n');
    expect((await h.run('set +o pipefail; false | true; echo $?')).stdout).toBe('0\n');
  });

  it('lists the options, and shows the letters in $-', async () => {
    const h = new ShellHarness();
    const list = (await h.run('set -o')).stdout.split('\n');
    expect(list).toHaveLength(28);
    expect(list[0]).toBe('allexport      \toff');
    expect(list).toContain('interactive-comments\ton');
    expect(list).toContain('braceexpand    \ton');
    expect((await h.run('set +o')).stdout).toMatch(/^set \+o allexport\nset -o braceexpand\n/);
    expect((await h.run('echo $-; set -eux; echo $-; set +eux')).stdout).toBe('himBH\nehimuxBH\n');
  });

  it('rejects what bash rejects, before it changes anything', async () => {
    const h = new ShellHarness();
    const usage = 'set: usage: set [-abefhkmnptuvxBCHP] [-o option-name] [--] [arg ...]\n';
    expect(await h.run('set -eq')).toMatchObject({ stderr: 'bash: set: -q: invalid option\n' + usage, code: 2 });
    expect(await h.run('set +q')).toMatchObject({ stderr: 'bash: set: +q: invalid option\n' + usage, code: 2 });
    expect(await h.run('set -o nosuchopt')).toMatchObject({ stderr: 'bash: set: nosuchopt: invalid option name\n', code: 2 });
    expect(await h.run('set +o nosuchopt')).toMatchObject({ stderr: 'bash: set: nosuchopt: invalid option name\n', code: 2 });
    expect((await h.run('false; echo $-')).stdout).toBe('himBH\n');
  });

  it('sets the positional parameters after the options', async () => {
    const h = new ShellHarness();
    expect((await h.run('set -e a b; echo $# $1; set +e; set -- ; echo $#')).stdout).toBe('2 a\n0\n');
  });
});
