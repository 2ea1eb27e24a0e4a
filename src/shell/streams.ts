import type { HostContext, InputStream, OutputStream, ProcessSignal } from './process.ts';

/**
 * An output stream that may say whether it is a terminal. Streams given by the terminal or the
 * headless exec carry no flag and count as a terminal (curl's progress meter, ls's columns);
 * pipes, files and command substitutions say `isTTY: false`.
 */
export interface ShellOutput extends OutputStream {
  readonly isTTY?: boolean;
}

export function isTerminal(out: OutputStream): boolean {
  return (out as ShellOutput).isTTY !== false;
}

/** An input stream that can take back what a reader did not use (the `read` builtin reads one line). */
export interface PushbackInput extends InputStream {
  unshift(s: string): void;
}

function canUnshift(s: InputStream): s is PushbackInput {
  return typeof (s as PushbackInput).unshift === 'function';
}

/** Reads one line (without its newline) from a stream; null at end of input. */
export async function readLine(input: InputStream): Promise<string | null> {
  let buf = '';
  for (;;) {
    const chunk = await input.read();
    if (chunk === null) return buf === '' ? null : buf;
    const nl = chunk.indexOf('\n');
    if (nl < 0) {
      buf += chunk;
      continue;
    }
    const rest = chunk.slice(nl + 1);
    if (rest && canUnshift(input)) input.unshift(rest);
    return buf + chunk.slice(0, nl);
  }
}

/** Base of the readable streams: a queue of chunks, an end flag and waiting readers. */
abstract class QueueInput implements PushbackInput {
  protected chunks: string[] = [];
  protected ended = false;
  private waiters: (() => void)[] = [];
  abstract readonly isTTY: boolean;

  constructor(protected host?: HostContext) {}

  unshift(s: string): void {
    if (s) this.chunks.unshift(s);
  }

  async read(): Promise<string | null> {
    for (;;) {
      if (this.chunks.length > 0) return this.chunks.shift()!;
      if (this.ended) return null;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  async readAll(): Promise<string> {
    let all = '';
    for (let c = await this.read(); c !== null; c = await this.read()) all += c;
    return all;
  }

  protected push(s: string): void {
    if (s) this.chunks.push(s);
    this.notify();
  }

  protected end(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const ws = this.waiters.splice(0);
    if (ws.length === 0) return;
    // A writer may be running inside a world callback (curl's body arriving): settle through wake.
    const settle = () => ws.forEach((w) => w());
    if (this.host) this.host.wake(settle);
    else settle();
  }
}

/** Stdin from a string (a here-string, a file, `exec(..., { stdin })`). */
export class StringInput extends QueueInput {
  readonly isTTY = false;
  constructor(s: string) {
    super();
    this.push(s);
    this.end();
  }
}

/**
 * The terminal as stdin: nothing is ever typed into a running command in the playground, so a
 * read waits until the process is interrupted (like `cat` waiting for Ctrl-C), then ends.
 */
export class TerminalInput extends QueueInput {
  readonly isTTY = true;
  constructor(signal: ProcessSignal, host?: HostContext) {
    super(host);
    signal.onAbort(() => this.end());
  }
}

/**
 * A pipe between two processes of a pipeline. The writer closes it when it exits; when the
 * reader has exited, a write calls `onBroken` (SIGPIPE for the writer).
 */
export class Pipe extends QueueInput implements ShellOutput {
  readonly isTTY = false;
  private readerGone = false;
  onBroken?: () => void;

  constructor(host: HostContext) {
    super(host);
  }

  write(s: string): void {
    if (this.readerGone) {
      this.onBroken?.();
      return;
    }
    if (!this.ended) this.push(s);
  }

  close(): void {
    this.end();
  }

  /** The reading process exited: what is left is dropped, later writes break. */
  closeRead(): void {
    this.readerGone = true;
    this.chunks = [];
  }
}

/** Collects output as a string (command substitution). */
export class CaptureOutput implements ShellOutput {
  readonly isTTY = false;
  text = '';
  write(s: string): void {
    this.text += s;
  }
}

/** Discards everything (/dev/null). */
export class NullOutput implements ShellOutput {
  readonly isTTY = false;
  write(): void {}
}

/** A stream over a writer function, with a terminal flag. */
export class FuncOutput implements ShellOutput {
  constructor(
    private fn: (s: string) => void,
    readonly isTTY: boolean,
  ) {}
  write(s: string): void {
    this.fn(s);
  }
}
