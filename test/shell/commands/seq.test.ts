import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('seq', () => {
  it('counts', async () => {
    const h = new ShellHarness();
    expect((await h.run('seq 3')).stdout).toBe('1\n2\n3\n');
    expect((await h.run('seq 2 4')).stdout).toBe('2\n3\n4\n');
    expect((await h.run('seq 1 2 7')).stdout).toBe('1\n3\n5\n7\n');
    expect((await h.run('seq 3 -1 1')).stdout).toBe('3\n2\n1\n');
    expect((await h.run('seq 0 0.5 1')).stdout).toBe('0.0\n0.5\n1.0\n');
    expect((await h.run('seq -s, 3')).stdout).toBe('1,2,3\n');
    expect((await h.run('seq -w 8 10')).stdout).toBe('08\n09\n10\n');
    expect((await h.run('seq 5 1')).stdout).toBe('');
  });

  it('errors', async () => {
    const h = new ShellHarness();
    expect(await h.run('seq')).toMatchObject({ stderr: "seq: missing operand\nTry 'seq --help' for more information.\n", code: 1 });
    expect(await h.run('seq x')).toMatchObject({ stderr: "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n", code: 1 });
  });
});
