import { describe, it, expect } from 'vitest';
import { LineEditor, columns, commonPrefix, visibleLength } from '../../../src/ui/lib/line-editor.ts';

function setup(complete: (l: string) => string[] = () => [], isIncomplete?: (text: string) => boolean) {
  const out: string[] = [];
  const submitted: string[] = [];
  let interrupts = 0;
  const ed = new LineEditor(
    {
      write: (s) => out.push(s),
      cols: () => 80,
      complete,
      submit: (l) => submitted.push(l),
      interrupt: () => interrupts++,
      isIncomplete,
    },
    '$ ',
  );
  ed.showPrompt();
  return { ed, out, submitted, interrupts: () => interrupts };
}

describe('LineEditor', () => {
  it('echoes typed text and submits the line on Enter', () => {
    const { ed, out, submitted } = setup();
    ed.input('etcdctl get /a\r');
    expect(submitted).toEqual(['etcdctl get /a']);
    expect(out.join('')).toContain('etcdctl get /a');
    expect(ed.running).toBe(true);
  });

  it('edits in the middle of the line with arrows, backspace and delete', () => {
    const { ed, submitted } = setup();
    ed.input('etcdctl gt /a');
    ed.input('\x1b[D\x1b[D\x1b[D');
    ed.input('\x7f'); // removes "t"
    ed.input('et');
    ed.input('\x1b[3~'); // deletes the space after the cursor
    ed.input(' \r');
    expect(submitted).toEqual(['etcdctl get /a']);
  });

  it('moves home and end, kills to the start and end, deletes a word', () => {
    const { ed } = setup();
    ed.input('abc def');
    ed.input('\x01');
    expect(ed.cursor).toBe(0);
    ed.input('\x05');
    expect(ed.cursor).toBe(7);
    ed.input('\x17');
    expect(ed.line).toBe('abc ');
    ed.input('\x01\x0b');
    expect(ed.line).toBe('');
    ed.input('xyz\x15');
    expect(ed.line).toBe('');
  });

  it('walks the history with up and down, keeping the draft', () => {
    const { ed } = setup();
    ed.input('one\r');
    ed.commandEnded();
    ed.input('two\r');
    ed.commandEnded();
    ed.input('dra');
    ed.input('\x1b[A');
    expect(ed.line).toBe('two');
    ed.input('\x1b[A');
    expect(ed.line).toBe('one');
    ed.input('\x1b[A');
    expect(ed.line).toBe('one');
    ed.input('\x1b[B\x1b[B');
    expect(ed.line).toBe('dra');
  });

  it('does not repeat the same line in history twice in a row', () => {
    const { ed } = setup();
    for (const l of ['a', 'a', 'b']) {
      ed.input(l + '\r');
      ed.commandEnded();
    }
    expect(ed.history).toEqual(['a', 'b']);
  });

  it('completes a unique candidate with a trailing space, and a common prefix', () => {
    const { ed } = setup((l) => (l.endsWith('etcdctl ge') ? ['get'] : l.endsWith('etcdctl m') ? ['member', 'mk', 'mkdir'] : l === 'etc' ? ['etcdctl'] : []));
    ed.input('etc\t');
    expect(ed.line).toBe('etcdctl ');
    ed.input('ge\t');
    expect(ed.line).toBe('etcdctl get ');
    ed.input('\x15etcdctl mk\t');
    expect(ed.line).toBe('etcdctl mk');
  });

  it('lists the candidates on a second Tab', () => {
    const { ed, out } = setup(() => ['member', 'mk', 'mkdir']);
    ed.input('etcdctl m\t');
    const before = out.join('');
    ed.input('\t');
    const listed = out.join('').slice(before.length);
    expect(listed).toContain('member');
    expect(listed).toContain('mkdir');
    expect(ed.line).toBe('etcdctl m');
  });

  it('Ctrl-C at the prompt abandons the line', () => {
    const { ed, out, submitted } = setup();
    ed.input('oops\x03');
    expect(ed.line).toBe('');
    expect(out.join('')).toContain('^C\r\n$ ');
    expect(submitted).toEqual([]);
  });

  it('Ctrl-C while a command runs interrupts it once; typed-ahead text waits for the prompt', () => {
    const { ed, out, submitted, interrupts } = setup();
    ed.input('etcdctl watch /a\r');
    ed.input('ls\r');
    ed.input('\x03\x03');
    expect(interrupts()).toBe(1);
    expect(out.join('')).toMatch(/\^C$/);
    ed.commandEnded();
    expect(submitted).toEqual(['etcdctl watch /a', 'ls']);
  });

  it('handles several lines pasted at once, one after another', () => {
    const { ed, submitted } = setup();
    ed.input('echo 1\recho 2\r');
    expect(submitted).toEqual(['echo 1']);
    ed.commandEnded();
    expect(submitted).toEqual(['echo 1', 'echo 2']);
  });

  it('an unfinished line gets the `> ` prompt; the lines run joined by newlines', () => {
    const { ed, out, submitted } = setup(undefined, (t) => t.endsWith('\\') || (t.startsWith('if') && !t.endsWith('fi')));
    ed.input('curl -s \\\r');
    expect(submitted).toEqual([]);
    expect(out.join('')).toMatch(/\r\n> $/);
    ed.input('  http://x\r');
    expect(submitted).toEqual(['curl -s \\\n  http://x']);
    ed.commandEnded();
    // An empty line inside a construct is part of it, and asks for more.
    ed.input('if true; then\r\recho y\rfi\r');
    expect(submitted[1]).toBe('if true; then\n\necho y\nfi');
    ed.commandEnded();
    // Ctrl-C drops the unfinished command and goes back to the prompt.
    ed.input('echo \\\rpart\x03ls\r');
    expect(submitted[2]).toBe('ls');
    expect(out.join('')).toContain('> part^C\r\n$ ');
  });

  it('an empty line prints a new prompt without running anything', () => {
    const { ed, out, submitted } = setup();
    ed.input('   \r');
    expect(submitted).toEqual([]);
    expect(out.join('')).toBe('$ ' + '   ' + '\r\n$ ');
  });
});

describe('helpers', () => {
  it('visibleLength ignores colour codes', () => {
    expect(visibleLength('\x1b[01;32mcore@core-01\x1b[01;34m ~ $\x1b[00m ')).toBe('core@core-01 ~ $ '.length);
  });
  it('commonPrefix', () => {
    expect(commonPrefix(['mk', 'mkdir'])).toBe('mk');
    expect(commonPrefix(['a', 'b'])).toBe('');
  });
  it('columns fits the width', () => {
    const s = columns(['aaaa', 'bb', 'cc'], 12);
    expect(s.split('\r\n').every((r) => r.length <= 12)).toBe(true);
  });
});
