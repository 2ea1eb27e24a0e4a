import { describe, it, expect } from 'vitest';
import { createSignal, killedStatus, toSignal } from '../../src/shell/signal.ts';

describe('signals', () => {
  it('fire once, tell their reason, and reach children', () => {
    const parent = createSignal();
    const child = createSignal(parent.signal);
    const bg = createSignal(parent.signal, ['SIGINT']);
    const heard: string[] = [];
    child.signal.onAbort((r) => heard.push(`child ${r}`));
    const off = parent.signal.onAbort((r) => heard.push(`parent ${r}`));
    off();
    parent.interrupt('SIGINT');
    parent.interrupt('SIGTERM');
    expect(heard).toEqual(['child SIGINT']);
    expect(child.signal).toMatchObject({ aborted: true, reason: 'SIGINT' });
    expect(bg.signal.aborted).toBe(false);
  });

  it('a late listener hears at once; exit statuses are 128 + signal', () => {
    const s = createSignal();
    s.interrupt('timeout');
    let r = '';
    s.signal.onAbort((x) => (r = x));
    expect(r).toBe('timeout');
    expect([killedStatus('SIGINT'), killedStatus('SIGTERM')]).toEqual([130, 143]);
    expect(toSignal(s)).toBe(s.signal);
    expect(toSignal(s.signal)).toBe(s.signal);
  });
});
