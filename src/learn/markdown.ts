/** A lesson's Markdown, split: front matter, the intro, one section per `## ` heading. */
export interface LessonText {
  front: Record<string, string>;
  intro: string;
  sections: { title: string; body: string }[];
}

/**
 * Splits lesson Markdown. Front matter is `---` lines of `key: value` (values may be quoted);
 * each step is a `## ` section. Headings inside fenced code do not split.
 */
export function parseLessonMarkdown(text: string): LessonText {
  const front: Record<string, string> = {};
  let body = text.replace(/\r\n/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(body);
  if (fm) {
    for (const line of fm[1]!.split('\n')) {
      const m = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
      if (!m) continue;
      let v = m[2]!.trim();
      if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
      front[m[1]!] = v;
    }
    body = body.slice(fm[0].length);
  }
  const sections: { title: string; body: string }[] = [];
  const intro: string[] = [];
  let current: { title: string; lines: string[] } | undefined;
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const f = /^(```+|~~~+)/.exec(line);
    if (f) fence = fence === undefined ? f[1] : line.startsWith(fence) ? undefined : fence;
    const h = fence === undefined && !f ? /^## +(.+?)\s*#*\s*$/.exec(line) : null;
    if (h) {
      if (current) sections.push({ title: current.title, body: current.lines.join('\n').trim() });
      current = { title: h[1]!, lines: [] };
    } else if (current) current.lines.push(line);
    else intro.push(line);
  }
  if (current) sections.push({ title: current.title, body: current.lines.join('\n').trim() });
  return { front, intro: intro.join('\n').trim(), sections };
}
