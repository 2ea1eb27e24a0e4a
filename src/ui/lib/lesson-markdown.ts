import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Lesson Markdown to sanitized HTML. A ```sh block is a list of commands: each line becomes a
 * button (data-cmd, and data-machine from ```sh core-02) that pastes it into a terminal.
 */
const marked = new Marked({
  gfm: true,
  renderer: {
    code(token: Tokens.Code): string | false {
      const [lang, machine] = (token.lang ?? '').trim().split(/\s+/);
      if (lang !== 'sh') return false;
      const target = machine && /^core-\d\d$/.test(machine) ? machine : '';
      const lines = token.text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
      const buttons = lines
        .map((l) => {
          const label = `Paste into ${target ? `${target}'s` : 'the'} terminal: ${l}`;
          return `<button type="button" class="cmd" data-cmd="${escapeHtml(l)}"${target ? ` data-machine="${target}"` : ''} aria-label="${escapeHtml(label)}" title="Click to paste into the terminal"><span class="cmd-prompt" aria-hidden="true">$</span> <code>${escapeHtml(l)}</code></button>`;
        })
        .join('');
      return `<div class="cmd-block">${target ? `<div class="cmd-on">on ${target}</div>` : ''}${buttons}</div>`;
    },
  },
});

export function renderLessonMarkdown(md: string): string {
  const html = marked.parse(md, { async: false });
  return DOMPurify.sanitize(html, { ADD_ATTR: ['data-cmd', 'data-machine'] });
}
