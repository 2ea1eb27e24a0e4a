import { describe, it, expect } from 'vitest';
import { parseYaml } from '../../src/cloudconfig/yaml-parse.ts';

describe('parseYaml (go-yaml v1 semantics)', () => {
  it('resolves YAML 1.1 scalars like go-yaml', () => {
    const r = parseYaml('#cloud-config\na: yes\nb: off\nc: 0644\nd: 1.5\ne: "0644"\nf:\ng: text\n');
    expect(r).toEqual({
      value: {
        kind: 'map',
        entries: [
          [{ kind: 'string', value: 'a', raw: 'a' }, { kind: 'bool', value: true, raw: 'yes' }],
          [{ kind: 'string', value: 'b', raw: 'b' }, { kind: 'bool', value: false, raw: 'off' }],
          [{ kind: 'string', value: 'c', raw: 'c' }, { kind: 'int', value: 420, raw: '0644' }],
          [{ kind: 'string', value: 'd', raw: 'd' }, { kind: 'float64', value: 1.5, raw: '1.5' }],
          [{ kind: 'string', value: 'e', raw: 'e' }, { kind: 'string', value: '0644', raw: '0644' }],
          [{ kind: 'string', value: 'f', raw: 'f' }, { kind: 'invalid' }],
          [{ kind: 'string', value: 'g', raw: 'g' }, { kind: 'string', value: 'text', raw: 'text' }],
        ],
      },
    });
  });
  it('repeated keys keep the last value; merge keys merge', () => {
    const r = parseYaml('#cloud-config\na: 1\na: 2\nb: &x\n  k: v\nc:\n  <<: *x\n');
    if (!('value' in r) || r.value.kind !== 'map') throw new Error('no map');
    expect(r.value.entries.map(([k]) => (k.kind === 'string' ? k.value : ''))).toEqual(['a', 'b', 'c']);
    expect(r.value.entries[0]![1]).toMatchObject({ kind: 'int', value: 2 });
    expect(r.value.entries[2]![1]).toMatchObject({ kind: 'map', entries: [[{ value: 'k' }, { value: 'v' }]] });
  });
  it('tabs where libyaml expects indentation', () => {
    expect(parseYaml('#cloud-config\na:\tb\n')).toEqual({ error: { line: 1, message: 'found character that cannot start any token' } });
    expect(parseYaml('#cloud-config\nwrite_files:\n  - content: |\n      \tindented text\n')).toHaveProperty('value');
  });
  it('only the first document counts', () => {
    expect(parseYaml('#cloud-config\na: 1\n---\nb: 2\n')).toHaveProperty('value');
  });
  it('unterminated quotes end the stream', () => {
    expect(parseYaml('#cloud-config\nhostname: "abc\n')).toEqual({ error: { line: 2, message: 'found unexpected end of stream' } });
  });
});
