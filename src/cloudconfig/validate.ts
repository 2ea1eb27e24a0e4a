import { isCloudConfig, isIgnitionConfig, isScript } from './header.ts';
import { newContext } from './line-context.ts';
import { INVALID } from './go-value.ts';
import { coerceNodes, normalizeNodeNames, toNode, type Node } from './node.ts';
import { ReportBuilder, type Report } from './report.ts';
import { GoPanic, RULES } from './rules.ts';
import { CLOUD_CONFIG } from './schema.ts';
import { parseYaml, type YamlCheck } from './yaml-parse.ts';

/** Go's zero `node{}`: no name, line 0, the zero reflect.Value. */
const EMPTY_NODE: Node = { name: '', line: 0, value: INVALID, children: [] };

/**
 * validate.Validate of coreos-cloudinit v1.9.3: empty user-data, scripts and Ignition configs are fine; anything
 * else must be a cloud-config, parsed and run through the rules. Never throws.
 */
export function validate(userdata: string, yamlCheck?: YamlCheck): Report {
  if (userdata.length === 0 || isScript(userdata) || isIgnitionConfig(userdata)) return { entries: [] };
  if (!isCloudConfig(userdata)) {
    return { entries: [{ line: 1, level: 'error', message: 'must be "#cloud-config" or begin with "#!"' }] };
  }
  const report = new ReportBuilder();
  try {
    const parsed = parseYaml(userdata, yamlCheck);
    let cfg: Node;
    if ('error' in parsed) {
      // "YAML error: line N: msg" -> entry at N; without a line, at 1. parseCloudConfig then
      // returns node{} (no error), and the rules still run on it: checkStructure warns at line 0
      // that the (Invalid) root is no struct.
      report.error(parsed.error.line > 0 ? parsed.error.line : 1, parsed.error.message);
      cfg = EMPTY_NODE;
    } else {
      const weak = normalizeNodeNames(toNode('', parsed.value, newContext(userdata)));
      cfg = coerceNodes(weak, CLOUD_CONFIG);
    }
    for (const rule of RULES) rule(cfg, report);
    return { entries: report.entries };
  } catch (e) {
    const failure = e instanceof GoPanic ? e.message : String(e instanceof Error ? e.message : e);
    return { entries: report.entries, failure };
  }
}
