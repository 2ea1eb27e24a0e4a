/**
 * A YAML value as go-yaml (v1, the coreos fork) decodes it into interface{}: the reflect kind
 * the validator switches on, plus the scalar's source text (what decoding into a Go string keeps).
 */
export type GoValue =
  | { kind: 'string'; value: string; raw: string }
  | { kind: 'int'; value: number; raw: string }
  | { kind: 'float64'; value: number; raw: string }
  | { kind: 'bool'; value: boolean; raw: string }
  | { kind: 'map'; entries: [GoValue, GoValue][] }
  | { kind: 'slice'; items: GoValue[] }
  | { kind: 'invalid' };

export const INVALID: GoValue = { kind: 'invalid' };

const BOOLS: Record<string, boolean> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS[s] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity, '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
};

/** strconv.ParseInt(s, 0, 64): sign, then 0x / 0 (octal) / decimal. */
function parseGoInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body[0] === '0') n = parseInt(body.slice(1), 8);
  else n = parseInt(body, 10);
  if (!Number.isSafeInteger(n)) return undefined;
  return m[1] === '-' ? -n : n;
}

/** strconv.ParseFloat for the decimal forms YAML users write. */
function parseGoFloat(s: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** resolve() of go-yaml v1 for a plain (unquoted) scalar. */
export function resolvePlain(raw: string): GoValue {
  if (NULLS.has(raw)) return INVALID;
  if (raw in BOOLS) return { kind: 'bool', value: BOOLS[raw]!, raw };
  if (raw in SPECIAL_FLOATS) return { kind: 'float64', value: SPECIAL_FLOATS[raw]!, raw };
  // Only strings that start like a number are tried as one.
  if (/^[-+0-9.]/.test(raw)) {
    const plain = raw.replace(/_/g, '');
    const i = parseGoInt(plain);
    if (i !== undefined) return { kind: 'int', value: i, raw };
    const b = /^0b([01]+)$/.exec(plain);
    if (b) return { kind: 'int', value: parseInt(b[1]!, 2), raw };
    const f = parseGoFloat(plain);
    if (f !== undefined) return { kind: 'float64', value: f, raw };
  }
  return { kind: 'string', value: raw, raw };
}

/** Go's `%v` of a scalar (what `invalid value %v` prints). */
export function goFormat(v: GoValue): string {
  switch (v.kind) {
    case 'string': return v.value;
    case 'bool': return String(v.value);
    case 'int': return String(v.value);
    case 'float64':
      if (Number.isNaN(v.value)) return 'NaN';
      if (!Number.isFinite(v.value)) return v.value > 0 ? '+Inf' : '-Inf';
      return String(v.value);
    case 'map': return `map[${v.entries.map(([k, x]) => `${goFormat(k)}:${goFormat(x)}`).join(' ')}]`;
    case 'slice': return `[${v.items.map(goFormat).join(' ')}]`;
    case 'invalid': return '<nil>';
  }
}

/** Go's `fmt.Sprintf("%s", key)` of a map key (non-strings print as `%!s(int=1)`). */
export function keyName(k: GoValue): string {
  switch (k.kind) {
    case 'string': return k.value;
    case 'invalid': return '%!s(<nil>)';
    case 'map': return `%!s(map[interface {}]interface {}=${goFormat(k)})`;
    case 'slice': return `%!s([]interface {}=${goFormat(k)})`;
    default: return `%!s(${k.kind}=${goFormat(k)})`;
  }
}

/** reflect.Value.String(): the string itself, or `<int Value>` for other kinds. */
export function reflectString(v: GoValue): string {
  switch (v.kind) {
    case 'string': return v.value;
    case 'invalid': return '<invalid Value>';
    case 'map': return '<map[interface {}]interface {} Value>';
    case 'slice': return '<[]interface {} Value>';
    default: return `<${v.kind} Value>`;
  }
}
