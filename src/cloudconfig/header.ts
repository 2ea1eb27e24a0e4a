/** First line of the user-data (everything before the first newline). */
function firstLine(userdata: string): string {
  const i = userdata.indexOf('\n');
  return i < 0 ? userdata : userdata.slice(0, i);
}

/** config.IsCloudConfig: the first line is exactly `#cloud-config`, trailing whitespace (and CR) trimmed. */
export function isCloudConfig(userdata: string): boolean {
  return firstLine(userdata).replace(/\s+$/, '') === '#cloud-config';
}

/** config.IsScript: the first line begins with `#!`. */
export function isScript(userdata: string): boolean {
  return firstLine(userdata).startsWith('#!');
}

/**
 * config.IsIgnitionConfig (config/ignition.go, 2015-16): the user-data is JSON that decodes into
 * `struct { Version *int \`json:"ignitionVersion"\` }` with the version set. encoding/json
 * matches the key case-insensitively and fails on a non-integer value.
 */
export function isIgnitionConfig(userdata: string): boolean {
  let v: unknown;
  try {
    v = JSON.parse(userdata);
  } catch {
    return false;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const key = 'ignitionVersion' in o ? 'ignitionVersion' : Object.keys(o).reverse().find((k) => k.toLowerCase() === 'ignitionversion');
  if (key === undefined) return false;
  return typeof o[key] === 'number' && Number.isSafeInteger(o[key]);
}
