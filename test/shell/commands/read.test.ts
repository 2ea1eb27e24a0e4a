import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('read', () => {
  it('splits a line into variables, the last taking the rest', async () => {
    const h = new ShellHarness();
    expect((await h.run('read a b; echo "[$a] [$b]"', { stdin: '  one two  three  \n' })).stdout).toBe('[one] [two  three]\n');
    expect((await h.run('read; echo "[$REPLY]"', { stdin: '  raw line \n' })).stdout).toBe('[  raw line ]\n');
  });

  it('reads line by line in a loop and fails at the end', async () => {
    const h = new ShellHarness();
    const r = await h.run('while read line; do echo "<$line>"; done', { stdin: 'a\nb\nc' });
    expect(r.stdout).toBe('<a>\n<b>\n<c>\n');
    expect((await h.run('seq 3 | while read n; do echo $((n*2)); done')).stdout).toBe('2\n4\n6\n');
  });

  it('-r keeps backslashes', async () => {
    const h = new ShellHarness();
    expect((await h.run('read -r x; echo "$x"', { stdin: 'a\\b\n' })).stdout).toBe('a\\b\n');
    expect((await h.run('read x; echo "$x"', { stdin: 'a\\b\n' })).stdout).toBe('ab\n');
  });
});
