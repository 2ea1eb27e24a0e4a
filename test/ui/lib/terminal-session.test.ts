import { describe, it, expect } from 'vitest';
import { TerminalSession } from '../../../src/ui/lib/terminal-session.ts';
import type { SimClusterApi, RunningCommand } from '../../../src/cluster-api.ts';
import type { OutputStream } from '../../../src/shell/process.ts';

/** A sim that answers `spawn` by hand: the test decides what is printed and when it ends. */
function fakeSim() {
  const runs: { line: string; io: { stdout: OutputStream; stderr: OutputStream }; end: (code: number) => void; interrupted: boolean }[] = [];
  const sim = {
    spawn(machine: string, line: string, io: { stdout: OutputStream; stderr: OutputStream }): RunningCommand {
      let end!: (code: number) => void;
      const done = new Promise<number>((r) => (end = r));
      const run = { line, io, end, interrupted: false };
      runs.push(run);
      return { done, interrupt: () => (run.interrupted = true) };
    },
    complete: (_m: string, l: string) => (l === 'etcdctl se' ? ['set', 'setdir'] : []),
    isIncomplete: (_m: string, text: string) => text.endsWith('\\'),
  } as unknown as SimClusterApi;
  return { sim, runs };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('TerminalSession', () => {
  it('opens with the CoreOS banner and the coloured prompt once the machine runs', () => {
    const { sim } = fakeSim();
    const s = new TerminalSession(sim, 'core-01');
    let text = '';
    s.attach({ write: (x) => (text += x), cols: () => 80 });
    s.setPower('running');
    expect(text).toBe('CoreOS stable (1010.5.0)\r\n\x1b[01;32mcore@core-01\x1b[01;34m ~ $\x1b[00m ');
  });

  it('runs a typed line in the machine shell, passes output through unchanged, then prompts again', async () => {
    const { sim, runs } = fakeSim();
    const s = new TerminalSession(sim, 'core-02');
    let text = '';
    s.setPower('running');
    s.attach({ write: (x) => (text += x), cols: () => 80 });
    s.input('etcdctl set /a 1\r');
    expect(runs.map((r) => r.line)).toEqual(['etcdctl set /a 1']);
    expect(s.state).toBe('running');
    runs[0]!.io.stdout.write('1\n');
    runs[0]!.end(0);
    await tick();
    expect(text.endsWith('etcdctl set /a 1\r\n1\n\x1b[01;32mcore@core-02\x1b[01;34m ~ $\x1b[00m ')).toBe(true);
    expect(s.state).toBe('connected');
  });

  it("asks the machine's shell whether a line is finished, and runs the lines together", () => {
    const { sim, runs } = fakeSim();
    const s = new TerminalSession(sim, 'core-01');
    let text = '';
    s.setPower('running');
    s.attach({ write: (x) => (text += x), cols: () => 80 });
    s.input('curl -s \\\r');
    expect(runs).toEqual([]);
    expect(text.endsWith('curl -s \\\r\n> ')).toBe(true);
    s.input('http://127.0.0.1:2379/version\r');
    expect(runs.map((r) => r.line)).toEqual(['curl -s \\\nhttp://127.0.0.1:2379/version']);
  });

  it('Ctrl-C interrupts the running command (etcdctl watch)', async () => {
    const { sim, runs } = fakeSim();
    const s = new TerminalSession(sim, 'core-01');
    s.setPower('running');
    s.input('etcdctl watch /a\r');
    s.input('\x03');
    expect(runs[0]!.interrupted).toBe(true);
  });

  it('closes on a crash and reopens when the machine is back', () => {
    const { sim } = fakeSim();
    const s = new TerminalSession(sim, 'core-01');
    let text = '';
    s.attach({ write: (x) => (text += x), cols: () => 80 });
    s.setPower('running');
    s.setPower('crashed');
    expect(s.state).toBe('disconnected');
    expect(text).toContain('Connection to 127.0.0.1 closed by remote host.');
    s.input('ls\r');
    s.setPower('running');
    expect(s.state).toBe('connected');
  });
});
