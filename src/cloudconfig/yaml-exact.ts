import { firstYamlProblem } from './yaml-check.ts';
import type { YamlProblem } from './yaml-reader.ts';
import type { GoYamlError, YamlCheck } from './yaml-parse.ts';

/**
 * YAML syntax judged by a port of go-yaml's (libyaml 0.1.x) scanner and parser: its errors and
 * lines exactly (checked against libyaml on some 14,000 mutated cloud-configs). It is a chunk of
 * its own with the validator command and the editor: the boot path, in the first load, judges
 * syntax from the yaml package's errors (a first-load budget of 150 kB).
 */
export const exactYamlCheck: YamlCheck = (text) => {
  const p = firstYamlProblem(text);
  return p ? goYamlError(p) : undefined;
};

/**
 * parser.fail() of go-yaml: the problem mark's line if not 0, else the context mark's; 0 means
 * no `line N: ` in the message. libyaml's lines count from 0, so this is the editor's line less one.
 */
function goYamlError(p: YamlProblem): GoYamlError {
  const line = p.problemMark?.line ? p.problemMark.line : (p.contextMark?.line ?? 0);
  return { line, message: p.problem };
}
