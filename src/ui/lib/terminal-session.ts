import type { RunningCommand, SimClusterApi } from '../../cluster-api.ts';
import type { PowerState } from '../../snapshot.ts';
import { LineEditor } from './line-editor.ts';

/** Where a session's text goes: an xterm once loaded; until then the text is kept. */
export interface TerminalSink {
  write(s: string): void;
  cols(): number;
}

// Gentoo's bash prompt, as CoreOS shipped it: green user@host, blue directory and `$`.
const promptFor = (machine: string) => `\x1b[01;32mcore@${machine}\x1b[01;34m ~ $\x1b[00m `;
const BANNER = 'CoreOS stable (1010.5.0)\r\n';

export type SessionState = 'connected' | 'running' | 'disconnected';

/**
 * One terminal tab: a `vagrant ssh` session on a machine. Typed lines become commands in the
 * machine's shell (inputs of the world); their output streams back unchanged.
 */
export class TerminalSession {
  readonly editor: LineEditor;
  state: SessionState = 'disconnected';
  onStateChange: (s: SessionState) => void = () => undefined;
  private sink?: TerminalSink;
  private buffered = '';
  private current?: RunningCommand;
  private generation = 0;
  /** Keystrokes that arrived while the shell was still loading. */
  private held: string[] | undefined;

  constructor(
    private sim: SimClusterApi,
    readonly machine: string,
  ) {
    this.editor = new LineEditor(
      {
        write: (s) => this.write(s),
        cols: () => this.sink?.cols() ?? 80,
        complete: (line) => {
          try {
            return this.sim.complete(this.machine, line);
          } catch {
            return [];
          }
        },
        submit: (line) => this.run(line),
        isIncomplete: (text) => {
          try {
            return this.sim.isIncomplete(this.machine, text);
          } catch {
            return false;
          }
        },
        interrupt: () => this.current?.interrupt(),
      },
      promptFor(machine),
    );
  }

  /** Connects the session's output to a terminal, replaying what was written before. */
  attach(sink: TerminalSink): void {
    this.sink = sink;
    if (this.buffered) sink.write(this.buffered);
    this.buffered = '';
  }

  input(data: string): void {
    if (this.state === 'disconnected') return;
    if (this.held) this.held.push(data);
    else this.editor.input(data);
  }

  /** Keeps keystrokes back until `release` (the shell that runs them is still loading). */
  hold(): void {
    this.held ??= [];
  }

  /** Lets held keystrokes through, in order. */
  release(): void {
    const keys = this.held ?? [];
    this.held = undefined;
    for (const k of keys) this.input(k);
  }

  /** The machine went away (destroyed, or replaced by a new one of the same name): the session ends. */
  close(why: string): void {
    if (this.state === 'disconnected') {
      this.write(`\x1b[2m[${why}]\x1b[0m\r\n`);
      return;
    }
    this.generation++;
    this.current = undefined;
    this.editor.running = false;
    if (this.held) this.held = [];
    this.write('\r\nConnection to 127.0.0.1 closed by remote host.\r\nConnection to 127.0.0.1 closed.\r\n');
    this.write(`\x1b[2m[${why}]\x1b[0m\r\n`);
    this.setState('disconnected');
  }

  /** Follows the machine's power: a crash closes the session, coming back up opens a new one. */
  setPower(power: PowerState): void {
    if (power === 'running' && this.state === 'disconnected') {
      this.generation++;
      this.editor.running = false;
      this.write(BANNER);
      this.editor.showPrompt();
      this.setState('connected');
    } else if (power !== 'running' && this.state !== 'disconnected') {
      this.generation++;
      this.current = undefined;
      this.editor.running = false;
      this.write('\r\nConnection to 127.0.0.1 closed by remote host.\r\nConnection to 127.0.0.1 closed.\r\n');
      this.write(`\x1b[2m[${this.machine} is down; the session reopens when it boots]\x1b[0m\r\n`);
      this.setState('disconnected');
    }
  }

  private run(line: string): void {
    const gen = this.generation;
    const out = { write: (s: string) => gen === this.generation && this.write(s) };
    try {
      this.current = this.sim.spawn(this.machine, line, { stdout: out, stderr: out });
    } catch (err) {
      this.write(`${String(err)}\r\n`);
      this.editor.commandEnded();
      return;
    }
    this.setState('running');
    const finish = () => {
      if (gen !== this.generation) return;
      this.current = undefined;
      this.setState('connected');
      this.editor.commandEnded();
    };
    this.current.done.then(finish, finish);
  }

  private setState(s: SessionState): void {
    this.state = s;
    this.onStateChange(s);
  }

  private write(s: string): void {
    if (this.sink) this.sink.write(s);
    else this.buffered += s;
  }
}
