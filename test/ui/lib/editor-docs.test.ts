import { describe, it, expect } from 'vitest';
import { EditorDocs, docKey } from '../../../src/ui/lib/editor-docs.svelte.ts';

function fakeFs(initial: Record<string, string>) {
  const files = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    files,
    writes,
    io: {
      read: (m: string, p: string) => files.get(`${m}:${p}`),
      write: (m: string, p: string, c: string) => {
        writes.push(`${m}:${p}`);
        files.set(`${m}:${p}`, c);
      },
    },
  };
}

const UD = '/home/core/user-data';

describe('EditorDocs', () => {
  it('opens a machine file, marks it dirty while edited, and saving writes it into the machine', () => {
    const fs = fakeFs({ [`core-01:${UD}`]: '#cloud-config\n' });
    const docs = new EditorDocs(fs.io);
    const d = docs.open('core-01', UD)!;
    expect(d.text).toBe('#cloud-config\n');
    docs.edit(d.key, '#cloud-config\nhostname: a\n');
    expect(docs.dirty[d.key]).toBe(true);
    docs.edit(d.key, '#cloud-config\n');
    expect(docs.dirty[d.key]).toBe(false);
    docs.edit(d.key, '#cloud-config\nhostname: b\n');
    docs.save(d.key);
    expect(fs.files.get(`core-01:${UD}`)).toBe('#cloud-config\nhostname: b\n');
    expect(docs.dirty[d.key]).toBe(false);
    expect(docs.open('core-01', '/nope')).toBeUndefined();
  });

  it('on sync: closes files of destroyed machines, reloads clean files changed behind it, keeps edits', () => {
    const fs = fakeFs({ [`core-01:${UD}`]: 'a', [`core-02:${UD}`]: 'b', [`core-03:${UD}`]: 'c' });
    const docs = new EditorDocs(fs.io);
    docs.open('core-01', UD);
    docs.open('core-02', UD);
    docs.open('core-03', UD);
    docs.edit(docKey('core-02', UD), 'b edited');
    fs.files.set(`core-01:${UD}`, 'a from the shell');
    fs.files.set(`core-02:${UD}`, 'b from the shell');
    const r = docs.sync(['core-01', 'core-02']);
    expect(r.closed).toEqual([docKey('core-03', UD)]);
    expect(r.changed).toEqual([docKey('core-01', UD)]);
    expect(docs.get(docKey('core-01', UD))!.text).toBe('a from the shell');
    expect(docs.get(docKey('core-02', UD))!.text).toBe('b edited');
    expect(docs.dirty[docKey('core-02', UD)]).toBe(true);
    // The machine now holds exactly the edited text (a new cluster booted from it): clean again.
    fs.files.set(`core-02:${UD}`, 'b edited');
    docs.sync(['core-01', 'core-02']);
    expect(docs.dirty[docKey('core-02', UD)]).toBe(false);
    expect(fs.writes).toEqual([]);
  });
});
