import { describe, it, expect } from 'vitest';
import { firstYamlProblem } from '../../src/cloudconfig/yaml-check.ts';

const problem = (text: string) => {
  const p = firstYamlProblem(text);
  return p && { problem: p.problem, line: p.problemMark?.line, context: p.contextMark?.line };
};

describe('firstYamlProblem (libyaml parser over the first document)', () => {
  it('well-formed text has none', () => {
    expect(problem('#cloud-config\ncoreos:\n  units:\n    - name: a\n      content: |\n        x\n')).toBeUndefined();
    expect(problem('')).toBeUndefined();
  });
  it('Unmarshal reads the first document and the next event only', () => {
    expect(problem('#cloud-config\na: 1\n---\nb: [\n')).toBeUndefined();
    expect(problem('#cloud-config\na: 1\n...\nb\n')).toEqual({ problem: 'did not find expected <document start>', line: 3, context: undefined });
  });
  it('a parser error carries the collection it was in as its context', () => {
    expect(problem('#cloud-config\nusers:\n  - name: a\n   - name: b\n')).toEqual({ problem: "did not find expected '-' indicator", line: 3, context: 2 });
  });
  it('tag handles must be declared', () => {
    expect(problem('#cloud-config\na: !e!x b\n')).toMatchObject({ problem: 'found undefined tag handle', line: 1 });
    expect(problem('#cloud-config\na: !!str b\nc: !local d\n')).toBeUndefined();
  });
  it('characters outside YAML’s set fail the read, with no mark', () => {
    expect(problem('#cloud-config\na: b\u0001\n')).toEqual({ problem: 'control characters are not allowed', line: undefined, context: undefined });
  });
});
