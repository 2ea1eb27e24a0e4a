import { describe, it, expect } from 'vitest';
import { CaptureOutput, Pipe, StringInput, isTerminal, readLine } from '../../src/shell/streams.ts';
import { ShellHarness } from './harness.ts';

describe('streams', () => {
  it('a pipe delivers chunks in order and ends when closed', async () => {
    const h = new ShellHarness();
    const p = new Pipe(h.host);
    p.write('a\nb');
    p.write('\nc');
    p.close();
    expect(await readLine(p)).toBe('a');
    expect(await readLine(p)).toBe('b');
    expect(await readLine(p)).toBe('c');
    expect(await readLine(p)).toBe(null);
  });

  it('a pipe whose reader left breaks on write', () => {
    const h = new ShellHarness();
    const p = new Pipe(h.host);
    let broken = 0;
    p.onBroken = () => broken++;
    p.closeRead();
    p.write('x');
    expect(broken).toBe(1);
  });

  it('strings read once; terminals are streams without a flag', async () => {
    const s = new StringInput('all');
    expect(await s.readAll()).toBe('all');
    expect(await s.read()).toBe(null);
    expect(isTerminal({ write: () => undefined })).toBe(true);
    expect(isTerminal(new CaptureOutput())).toBe(false);
  });
});
