/** Cloud-config (coreos-cloudinit 1.9.3): parsing, `$private_ipv4` substitution, validation. */
export { parseCloudConfig, type CloudConfig, type CoreOS, type Unit, type UnitDropIn, type WriteFile, type User, type Settings, type ParseResult } from './config.ts';
export { substitute, type Substitutions } from './substitute.ts';
export { validate } from './validate.ts';
export { formatEntry, type Entry, type EntryLevel, type Report } from './report.ts';
export { isCloudConfig, isScript } from './header.ts';
export { goQuote } from './rules.ts';
