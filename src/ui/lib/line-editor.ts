/**
 * Readline-like line editing for a terminal that only gets raw key data (xterm's onData):
 * cursor movement, history, tab completion, Ctrl-C/U/K/W/L/A/E. Output is ANSI text for the
 * terminal; the editor knows the terminal's width so it can redraw lines that wrap.
 */

export interface EditorHost {
  write(s: string): void;
  cols(): number;
  complete(lineBeforeCursor: string): string[];
  /** A line was entered; the host runs it and calls `commandEnded()` when it ends. */
  submit(line: string): void;
  /** Whether the text needs more lines (open quote, `if` without `fi`, trailing backslash). */
  isIncomplete?(text: string): boolean;
  /** Ctrl-C while a command runs. */
  interrupt(): void;
}

const ESC_SEQ = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|.)/;

export function visibleLength(s: string): number {
  return s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').length;
}

export class LineEditor {
  line = '';
  cursor = 0;
  readonly history: string[] = [];
  running = false;
  private histPos = 0;
  private draft = '';
  private typeAhead = '';
  private lastWasTab = false;
  private interrupted = false;
  /** The lines of an unfinished command so far, joined by newlines (bash's `> ` prompt). */
  private continued: string | undefined;

  constructor(
    private host: EditorHost,
    public prompt: string,
  ) {}

  /** Prints the prompt and starts a fresh line. */
  showPrompt(): void {
    this.line = '';
    this.cursor = 0;
    this.histPos = this.history.length;
    this.host.write(this.shownPrompt());
  }

  /** bash's PS2 while a command is unfinished, else the prompt. */
  private shownPrompt(): string {
    return this.continued === undefined ? this.prompt : '> ';
  }

  /** The running command ended: new prompt, then whatever was typed meanwhile. */
  commandEnded(): void {
    this.running = false;
    if (this.interrupted) this.host.write('\r\n');
    this.interrupted = false;
    this.showPrompt();
    const pending = this.typeAhead;
    this.typeAhead = '';
    if (pending) this.input(pending);
  }

  input(data: string): void {
    let i = 0;
    while (i < data.length) {
      if (this.running) {
        // Only Ctrl-C acts while a command runs; other keys wait, as with a real tty.
        const c = data.indexOf('\x03', i);
        if (c < 0) {
          this.typeAhead += data.slice(i);
          return;
        }
        this.typeAhead += data.slice(i, c);
        i = c + 1;
        if (!this.interrupted) {
          this.interrupted = true;
          this.host.write('^C');
          this.host.interrupt();
        }
        continue;
      }
      const ch = data[i]!;
      if (ch === '\x1b') {
        const m = ESC_SEQ.exec(data.slice(i));
        const seq = m ? m[0] : ch;
        this.escape(seq);
        i += seq.length;
        continue;
      }
      i++;
      if (ch !== '\t') this.lastWasTab = false;
      this.key(ch, data[i]);
      if (ch === '\r' && data[i] === '\n') i++;
    }
  }

  private key(ch: string, _next: string | undefined): void {
    switch (ch) {
      case '\r':
      case '\n':
        return this.enter();
      case '\x7f':
      case '\b':
        if (this.cursor > 0) this.edit(this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor), this.cursor - 1);
        return;
      case '\t':
        return this.tab();
      case '\x03':
        this.moveTo(this.line.length);
        this.host.write('^C\r\n');
        this.continued = undefined;
        return this.showPrompt();
      case '\x01':
        return this.moveTo(0);
      case '\x05':
        return this.moveTo(this.line.length);
      case '\x02':
        return this.moveTo(Math.max(0, this.cursor - 1));
      case '\x06':
        return this.moveTo(Math.min(this.line.length, this.cursor + 1));
      case '\x15':
        return this.edit(this.line.slice(this.cursor), 0);
      case '\x0b':
        return this.edit(this.line.slice(0, this.cursor), this.cursor);
      case '\x17': {
        const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, '');
        return this.edit(before + this.line.slice(this.cursor), before.length);
      }
      case '\x0c':
        this.host.write('\x1b[H\x1b[2J');
        this.host.write(this.shownPrompt() + this.line);
        this.fixWrap(this.endPos());
        return this.reposition(this.endPos(), this.cursorPos());
      case '\x04':
        if (this.line.length > 0 && this.cursor < this.line.length) this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
        return;
      default:
        if (ch < ' ') return;
        if (this.cursor === this.line.length) {
          this.line += ch;
          this.cursor++;
          this.host.write(ch);
          this.fixWrap(this.endPos());
        } else {
          this.edit(this.line.slice(0, this.cursor) + ch + this.line.slice(this.cursor), this.cursor + 1);
        }
    }
  }

  private escape(seq: string): void {
    this.lastWasTab = false;
    switch (seq) {
      case '\x1b[A':
      case '\x1bOA':
        return this.historyMove(-1);
      case '\x1b[B':
      case '\x1bOB':
        return this.historyMove(1);
      case '\x1b[C':
      case '\x1bOC':
        return this.moveTo(Math.min(this.line.length, this.cursor + 1));
      case '\x1b[D':
      case '\x1bOD':
        return this.moveTo(Math.max(0, this.cursor - 1));
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
        return this.moveTo(0);
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
        return this.moveTo(this.line.length);
      case '\x1b[3~':
        if (this.cursor < this.line.length) this.edit(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
        return;
      default:
        return;
    }
  }

  private enter(): void {
    this.moveTo(this.line.length);
    this.host.write('\r\n');
    const line = this.line;
    this.line = '';
    this.cursor = 0;
    const text = this.continued === undefined ? line : this.continued + '\n' + line;
    if (text.trim() === '') return this.showPrompt();
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.histPos = this.history.length;
    if (this.host.isIncomplete?.(text)) {
      this.continued = text;
      return this.showPrompt();
    }
    this.continued = undefined;
    this.running = true;
    this.host.submit(text);
  }

  private historyMove(dir: -1 | 1): void {
    const pos = this.histPos + dir;
    if (pos < 0 || pos > this.history.length) return;
    if (this.histPos === this.history.length) this.draft = this.line;
    this.histPos = pos;
    const text = pos === this.history.length ? this.draft : this.history[pos]!;
    this.edit(text, text.length);
  }

  private tab(): void {
    const before = this.line.slice(0, this.cursor);
    const word = /\S*$/.exec(before)![0];
    const candidates = [...new Set(this.host.complete(before))].sort();
    const again = this.lastWasTab;
    this.lastWasTab = true;
    if (candidates.length === 0) return;
    const common = commonPrefix(candidates);
    const start = before.length - word.length;
    if (candidates.length === 1) {
      const c = candidates[0]!;
      const insert = c + (c.endsWith('/') || c.endsWith('=') ? '' : ' ');
      this.edit(this.line.slice(0, start) + insert + this.line.slice(this.cursor), start + insert.length);
      return;
    }
    if (common.length > word.length && common.startsWith(word)) {
      this.edit(this.line.slice(0, start) + common + this.line.slice(this.cursor), start + common.length);
      return;
    }
    if (!again) return;
    // Second Tab: list the candidates under the line, like bash.
    this.moveTo(this.line.length);
    this.host.write('\r\n' + columns(candidates, this.host.cols()) + '\r\n');
    this.host.write(this.shownPrompt() + this.line);
    this.fixWrap(this.endPos());
    this.reposition(this.endPos(), this.cursorPos());
  }

  private promptLen(): number {
    return visibleLength(this.shownPrompt());
  }

  private cursorPos(): number {
    return this.promptLen() + this.cursor;
  }

  private endPos(): number {
    return this.promptLen() + this.line.length;
  }

  /** Replaces the line and redraws it from the prompt. */
  private edit(line: string, cursor: number): void {
    const from = this.cursorPos();
    this.line = line;
    this.cursor = cursor;
    this.reposition(from, 0);
    this.host.write(this.shownPrompt() + this.line + '\x1b[J');
    this.fixWrap(this.endPos());
    this.reposition(this.endPos(), this.cursorPos());
  }

  private moveTo(cursor: number): void {
    const from = this.cursorPos();
    this.cursor = cursor;
    this.reposition(from, this.cursorPos());
  }

  /** A line that ends exactly at the right margin leaves the cursor pending; make it wrap for real. */
  private fixWrap(pos: number): void {
    if (pos > 0 && pos % this.host.cols() === 0) this.host.write(' \b');
  }

  private reposition(from: number, to: number): void {
    if (from === to) return;
    const cols = this.host.cols();
    const rows = Math.floor(to / cols) - Math.floor(from / cols);
    let s = '';
    if (rows < 0) s += `\x1b[${-rows}A`;
    if (rows > 0) s += `\x1b[${rows}B`;
    const col = to % cols;
    s += '\r' + (col > 0 ? `\x1b[${col}C` : '');
    this.host.write(s);
  }
}

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Candidates laid out in columns for a terminal `cols` wide. */
export function columns(words: string[], cols: number): string {
  const width = Math.max(...words.map((w) => w.length)) + 2;
  const per = Math.max(1, Math.floor(cols / width));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += per) rows.push(words.slice(i, i + per).map((w, j, a) => (j === a.length - 1 ? w : w.padEnd(width))).join(''));
  return rows.join('\r\n');
}
