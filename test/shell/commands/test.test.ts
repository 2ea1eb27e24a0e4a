import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

async function status(h: ShellHarness, line: string): Promise<number | undefined> {
  return (await h.run(line)).code;
}

describe('test and [', () => {
  it('strings, numbers, files', async () => {
    const h = new ShellHarness();
    expect(await status(h, '[ a = a ]')).toBe(0);
    expect(await status(h, '[ a != a ]')).toBe(1);
    expect(await status(h, 'test -z ""')).toBe(0);
    expect(await status(h, 'test -n ""')).toBe(1);
    expect(await status(h, '[ 3 -lt 10 ]')).toBe(0);
    expect(await status(h, '[ 3 -gt 10 ]')).toBe(1);
    expect(await status(h, '[ -f /etc/hostname ]')).toBe(0);
    expect(await status(h, '[ -d /etc/hostname ]')).toBe(1);
    expect(await status(h, '[ -d /home/core ]')).toBe(0);
    expect(await status(h, '[ -e /nope ]')).toBe(1);
    expect(await status(h, '[ ! -e /nope ]')).toBe(0);
    expect(await status(h, '[ x ]')).toBe(0);
    expect(await status(h, '[ ]')).toBe(1);
    expect(await status(h, '[ a = a -a 1 -eq 1 ]')).toBe(0);
    expect(await status(h, '[ a = b -o 1 -eq 1 ]')).toBe(0);
    expect(await status(h, '[ \\( a = b \\) ]')).toBe(1);
  });

  it("bash's error messages", async () => {
    const h = new ShellHarness();
    expect(await h.run('[ a = a')).toMatchObject({ stderr: "bash: [: missing `]'\n", code: 2 });
    expect(await h.run('[ x -eq 1 ]')).toMatchObject({ stderr: 'bash: [: x: integer expression expected\n', code: 2 });
    expect(await h.run('test a b')).toMatchObject({ stderr: 'bash: test: a: unary operator expected\n', code: 2 });
    expect(await h.run('[ a b c ]')).toMatchObject({ stderr: 'bash: [: b: binary operator expected\n', code: 2 });
  });
});
