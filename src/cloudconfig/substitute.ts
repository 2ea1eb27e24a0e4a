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
  for (const { key, plain, escaped } of PATTERNS) {
    const val = values[key] ?? '';
    out = out.replace(plain, (_m, pre: string) => pre + val);
    out = out.replace(escaped, () => `$${key}`);
  }
  return out;
}

/** The regexps, made once (every boot substitutes; `replace` resets a global regexp's lastIndex). */
const PATTERNS = KEYS.map((key) => ({
  key,
  plain: new RegExp(`([^\\\\]|^)\\$${key}`, 'g'),
  escaped: new RegExp(`\\\\\\$${key}`, 'g'),
}));
