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
