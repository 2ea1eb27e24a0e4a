import { describe, expect, it } from 'vitest';
import { parseLessonMarkdown } from '../../src/learn/markdown.ts';

describe('parseLessonMarkdown', () => {
  it('reads front matter, the intro and one section per ## heading', () => {
    const t = parseLessonMarkdown('---\ntitle: "A: title"\nsummary: Short one\n---\n\nIntro text.\n\n## First\n\nBody 1\n\n## Second ##\nBody 2\n');
    expect(t.front).toEqual({ title: 'A: title', summary: 'Short one' });
    expect(t.intro).toBe('Intro text.');
    expect(t.sections).toEqual([
      { title: 'First', body: 'Body 1' },
      { title: 'Second', body: 'Body 2' },
    ]);
  });

  it('does not split on a ## line inside fenced code, and keeps ### inside a step', () => {
    const t = parseLessonMarkdown('Intro\n## Step\n```sh\n## not a heading\n```\n### sub\n');
    expect(t.sections).toHaveLength(1);
    expect(t.sections[0]!.body).toBe('```sh\n## not a heading\n```\n### sub');
  });

  it('works without front matter and with CRLF line ends', () => {
    const t = parseLessonMarkdown('Hi\r\n## One\r\nx\r\n');
    expect(t.front).toEqual({});
    expect(t.sections).toEqual([{ title: 'One', body: 'x' }]);
  });
});
