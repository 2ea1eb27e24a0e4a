// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderLessonMarkdown } from '../../../src/ui/lib/lesson-markdown.ts';

describe('renderLessonMarkdown', () => {
  it('turns each line of a sh block into a paste button, with the machine it names', () => {
    const div = document.createElement('div');
    div.innerHTML = renderLessonMarkdown('Run:\n\n```sh core-02\netcdctl get /m\n# a comment\netcdctl ls "/a b"\n```\n');
    const buttons = [...div.querySelectorAll('button.cmd')] as HTMLButtonElement[];
    expect(buttons.map((b) => b.dataset.cmd)).toEqual(['etcdctl get /m', 'etcdctl ls "/a b"']);
    expect(buttons.map((b) => b.dataset.machine)).toEqual(['core-02', 'core-02']);
    expect(buttons[0]!.getAttribute('aria-label')).toBe("Paste into core-02's terminal: etcdctl get /m");
  });

  it('leaves output blocks as code and sanitizes HTML', () => {
    const html = renderLessonMarkdown('```text\n<b>x</b>\n```\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>');
    expect(html).toContain('<pre><code class="language-text">&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('<script');
  });
});
