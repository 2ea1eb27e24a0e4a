import { describe, it, expect } from 'vitest';
import { parseYaml } from '../../src/cloudconfig/yaml-parse.ts';
import { exactYamlCheck } from '../../src/cloudconfig/yaml-exact.ts';
import { validate } from '../../src/cloudconfig/index.ts';

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

/**
 * The mistakes a hand edit makes, with the line and message libyaml gives (checked with PyYAML's
 * CLoader over libyaml 0.2.5 on the audit machine, marks read as go-yaml's parser.fail() does).
 */
describe('YAML errors as go-yaml (libyaml) reports them: the exact check of the validator command and the editor', () => {
  const cases: [string, string, number, string][] = [
    ['missing colon after a section key', "#cloud-config\ncoreos:\n  etcd2\n    name: x\n", 3, 'mapping values are not allowed in this context'],
    ['missing colon between key and value', "#cloud-config\ncoreos:\n  etcd2:\n    name x\n    discovery: y\n", 4, 'mapping values are not allowed in this context'],
    ['no space after the colon', "#cloud-config\ncoreos:\n  etcd2:\n    name:x\n    discovery: y\n", 4, 'mapping values are not allowed in this context'],
    ['a key without colon (cloudinit\'s own a:\na)', "#cloud-config\na:\na", 3, "could not find expected ':'"],
    ['a key without colon on the last line', "#cloud-config\ncoreos:\n  etcd2:\n    name: x\n    bogus\n", 5, "could not find expected ':'"],
    ['a dedented line after a content block', "#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      content: |\n        [Unit]\n      Description=x\n", 7, "could not find expected ':'"],
    ['a unit key under-indented by one', "#cloud-config\ncoreos:\n  units:\n    - name: a.service\n     command: start\n", 4, "did not find expected '-' indicator"],
    ['a drop-in sibling dedented', "#cloud-config\ncoreos:\n  units:\n    - name: flanneld.service\n      drop-ins:\n      - name: 50.conf\n        content: |\n          [Service]\n      command: start\n     enable: true\n", 9, "did not find expected '-' indicator"],
    ['a sequence item dedented by one', "#cloud-config\nssh_authorized_keys:\n  - a\n - b\n", 3, 'did not find expected key'],
    ['a unit item dedented by one', "#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      command: start\n   - name: b.service\n", 5, 'did not find expected key'],
    ['a list item after a mapping value', "#cloud-config\nfoo: b\n- a\n", 2, 'did not find expected key'],
    ['a root list followed by a map', "#cloud-config\n- a\nfoo: b\n", 2, "did not find expected '-' indicator"],
    ['an unclosed flow sequence', "#cloud-config\nfoo: [a, b\n", 2, "did not find expected ',' or ']'"],
    ['an unclosed flow mapping', "#cloud-config\nfoo: {a: b\nbar: c\n", 2, "did not find expected ',' or '}'"],
    ['a value starting with %', "#cloud-config\nfoo: %bar\n", 1, 'found character that cannot start any token'],
    ['a value starting with @', "#cloud-config\nfoo: @bar\n", 1, 'found character that cannot start any token'],
    ['a value starting with a backtick', "#cloud-config\nfoo: `bar\n", 1, 'found character that cannot start any token'],
    ['an under-indented key', "#cloud-config\ncoreos:\n  etcd2:\n    name: foo\n   bad: x\n", 4, 'did not find expected key'],
    ['an over-indented key', "#cloud-config\ncoreos:\n  etcd2:\n    name: x\n      bad: y\n", 4, 'mapping values are not allowed in this context'],
    ['a tab as indentation', "#cloud-config\ncoreos:\n\tetcd2: x\n", 2, 'found character that cannot start any token'],
    ['an unterminated quote', "#cloud-config\nhostname: \"abc\nfoo: bar\n", 3, 'found unexpected end of stream'],
    ['a tab where a block scalar is indented', "#cloud-config\nwrite_files:\n  - content: |\n      \tindented text\n", 3, 'found a tab character where an indentation space is expected'],
  ];
  it.each(cases)('%s', (_name, text, line, message) => {
    expect(parseYaml(text, exactYamlCheck)).toEqual({ error: { line, message } });
  });
});

describe('the validator command judges YAML exactly', () => {
  it('index.validate (coreos-cloudinit -validate, the editor) words a YAML error as libyaml does', () => {
    const r = validate('#cloud-config\ncoreos:\n  etcd2\n    name: x\n');
    expect(r.entries[0]).toMatchObject({ line: 3, level: 'error', message: 'mapping values are not allowed in this context' });
  });
});
