/** Metadata values coreos-cloudinit substitutes into user-data (initialize/env.go). */
export interface Substitutions {
  public_ipv4?: string;
  private_ipv4?: string;
  public_ipv6?: string;
  private_ipv6?: string;
}

const KEYS = ['public_ipv4', 'private_ipv4', 'public_ipv6', 'private_ipv6'] as const;

/**
 * Environment.Apply: `$private_ipv4` etc. become their values (missing ones become empty, as the
 * real tool substitutes an empty string), and `\$private_ipv4` becomes a literal `$private_ipv4`.
 * Same regexps as the Go code: `([^\\]|^)\$key` then `\\\$key`; like Go's ReplaceAll, two
 * back-to-back occurrences share no preceding character, so only the first of them is replaced.
 */
export function substitute(text: string, values: Substitutions): string {
  let out = text;
  for (const k of KEYS) {
    const val = values[k] ?? '';
    out = out.replace(new RegExp(`([^\\\\]|^)\\$${k}`, 'g'), (_m, pre: string) => pre + val);
    out = out.replace(new RegExp(`\\\\\\$${k}`, 'g'), () => `$${k}`);
  }
  return out;
}
