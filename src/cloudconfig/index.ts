/** Cloud-config (coreos-cloudinit 1.9.3): parsing, `$private_ipv4` substitution, validation. */
export { parseCloudConfig, type CloudConfig, type CoreOS, type Unit, type UnitDropIn, type WriteFile, type User, type Settings, type ParseResult } from './config.ts';
export { substitute, type Substitutions } from './substitute.ts';
import { validate as validateWith } from './validate.ts';
import { exactYamlCheck } from './yaml-exact.ts';
import type { Report } from './report.ts';

/** `coreos-cloudinit -validate` (the command and the editor): YAML syntax judged as go-yaml does. */
export function validate(userdata: string): Report {
  return validateWith(userdata, exactYamlCheck);
}
export { formatEntry, type Entry, type EntryLevel, type Report } from './report.ts';
export { isCloudConfig, isScript } from './header.ts';
export { goQuote } from './rules.ts';
