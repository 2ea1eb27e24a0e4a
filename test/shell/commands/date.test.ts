import { describe, it, expect } from 'vitest';
import { ShellHarness } from '../harness.ts';

describe('date', () => {
  it('prints the virtual time in UTC like coreutils', async () => {
    const h = new ShellHarness();
    await h.run('sleep 5');
    expect((await h.run('date')).stdout).toBe('Wed Jun  1 09:00:05 UTC 2016\n');
    expect((await h.run('date -u')).stdout).toBe('Wed Jun  1 09:00:05 UTC 2016\n');
    expect((await h.run('date +%s')).stdout).toBe('1464771605\n');
    expect((await h.run("date '+%Y-%m-%d %H:%M:%S'")).stdout).toBe('2016-06-01 09:00:05\n');
    expect((await h.run('date -R')).stdout).toBe('Wed, 01 Jun 2016 09:00:05 +0000\n');
    expect((await h.run('date -I')).stdout).toBe('2016-06-01\n');
  });
});
