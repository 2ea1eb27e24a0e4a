/**
 * The Go standard-library parsers behind flag values: strconv.ParseBool, strconv.ParseInt(s, 0, 64)
 * (what flag.IntVar uses) and time.ParseDuration. Each returns undefined when Go would fail.
 */

export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(s)) return false;
  return undefined;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** strconv.ParseInt with base 0: optional sign, then 0x/0X hex, leading-0 octal, or decimal. */
export function parseGoInt(s: string): number | undefined {
  let rest = s;
  let neg = false;
  if (rest.startsWith('+') || rest.startsWith('-')) {
    neg = rest[0] === '-';
    rest = rest.slice(1);
  }
  let digits: RegExp;
  let prefix = '';
  if (/^0[xX]/.test(rest)) {
    prefix = '0x';
    rest = rest.slice(2);
    digits = /^[0-9a-fA-F]+$/;
  } else if (rest.length > 1 && rest[0] === '0') {
    prefix = '0o';
    rest = rest.slice(1);
    digits = /^[0-7]+$/;
  } else {
    digits = /^[0-9]+$/;
  }
  if (!digits.test(rest)) return undefined;
  let v = BigInt(prefix + rest);
  if (neg) v = -v;
  if (v > INT64_MAX || v < INT64_MIN) return undefined;
  return Number(v);
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5
  'μs': 1e-3, // U+03BC
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration, in milliseconds: "1s", "1.5s", "300ms", "-1h2m"; a bare "0" is allowed. */
export function parseGoDuration(s: string): number | undefined {
  let rest = s;
  let neg = false;
  if (rest.startsWith('+') || rest.startsWith('-')) {
    neg = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    const [whole, int = '', frac] = m;
    if (int === '' && (frac === undefined || frac === '')) return undefined;
    rest = rest.slice(whole.length);
    const u = /^[^0-9.]+/.exec(rest);
    if (!u) return undefined; // "missing unit"
    const unit = UNIT_MS[u[0]];
    if (unit === undefined) return undefined; // "unknown unit"
    rest = rest.slice(u[0].length);
    total += Number(`${int || '0'}.${frac ?? ''}0`) * unit;
  }
  return neg ? -total : total;
}
