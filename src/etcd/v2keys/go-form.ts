/**
 * The parts of Go's net/http, net/url and strconv that etcd's parseKeyRequest relies on
 * (Go 1.6, what etcd 2.3.7 was built with): form parsing, query unescaping, ParseBool and
 * ParseUint. Failures carry Go's error text, which etcd puts in the error's cause.
 */

/** url.Values: each key's values in order of appearance. */
export type FormValues = Map<string, string[]>;

const FORM_URLENCODED = 'application/x-www-form-urlencoded';

export class GoFormError {
  constructor(readonly message: string) {}
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** url.QueryUnescape: `+` is a space, `%XX` a byte (bytes are decoded as UTF-8). */
export function queryUnescape(s: string): string | GoFormError {
  return unescape(s, true);
}

/** url.PathUnescape-like decoding of a request path (`+` stays `+`). */
export function pathUnescape(s: string): string | GoFormError {
  return unescape(s, false);
}

function unescape(s: string, plusIsSpace: boolean): string | GoFormError {
  if (!s.includes('%') && !(plusIsSpace && s.includes('+'))) return s;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      if (i + 2 >= s.length || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) {
        let bad = s.slice(i);
        if (bad.length > 3) bad = bad.slice(0, 3);
        return new GoFormError(`invalid URL escape ${goQuote(bad)}`);
      }
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === 43 && plusIsSpace) {
      bytes.push(32);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // Copy the rest of this code point as UTF-8.
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      for (const b of enc.encode(ch)) bytes.push(b);
      i += ch.length - 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** strconv.Quote for the short ASCII strings it is used on here. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * url.ParseQuery (Go 1.6: `&` and `;` both separate pairs). Keeps going after a bad escape
 * and reports the first error, as Go does.
 */
export function parseQuery(query: string, into: FormValues = new Map()): { values: FormValues; error?: GoFormError } {
  let error: GoFormError | undefined;
  // The pairs between separators, found by hand (a regexp split costs more per request).
  for (let start = 0; start < query.length; ) {
    let end = start;
    while (end < query.length) {
      const c = query.charCodeAt(end);
      if (c === 38 || c === 59) break; // '&', ';'
      end++;
    }
    const pair = query.slice(start, end);
    start = end + 1;
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq >= 0 ? pair.slice(0, eq) : pair;
    const rawValue = eq >= 0 ? pair.slice(eq + 1) : '';
    const key = queryUnescape(rawKey);
    if (key instanceof GoFormError) {
      error ??= key;
      continue;
    }
    const value = queryUnescape(rawValue);
    if (value instanceof GoFormError) {
      error ??= value;
      continue;
    }
    const list = into.get(key);
    if (list) list.push(value);
    else into.set(key, [value]);
  }
  return { values: into, error };
}

/**
 * Request.ParseForm: for POST, PUT and PATCH an urlencoded body comes first, then the query
 * string's values are appended. Other bodies (no or another Content-Type) are ignored.
 */
export function parseForm(
  method: string,
  rawQuery: string,
  body: string,
  contentType: string | undefined,
): { form: FormValues; error?: GoFormError } {
  const form: FormValues = new Map();
  let error: GoFormError | undefined;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const ct = mediaType(contentType || 'application/octet-stream');
    if (ct instanceof GoFormError) error = ct;
    else if (ct === FORM_URLENCODED) error = parseQuery(body, form).error;
  }
  const q = parseQuery(rawQuery, form);
  error ??= q.error;
  return { form, error };
}

/** The media type of a Content-Type header, lower-cased (mime.ParseMediaType, simplified). */
function mediaType(v: string): string | GoFormError {
  if (v === FORM_URLENCODED) return v; // what every client sends (a clean, lower-case type)
  const semi = v.indexOf(';');
  const base = (semi < 0 ? v : v.slice(0, semi)).trim().toLowerCase();
  if (base === '') return new GoFormError('mime: no media type');
  const slash = base.indexOf('/');
  if (slash < 0) return new GoFormError('mime: expected slash after first token');
  if (slash === base.length - 1) return new GoFormError('mime: expected token after slash');
  return base;
}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean | undefined {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
    default:
      return undefined;
  }
}

const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.ParseUint(s, 10, 64): digits only, at most 2^64-1 (kept as a JS number). */
export function parseUint64(s: string): number | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  if (s.length > 15) {
    const big = BigInt(s);
    if (big > UINT64_MAX) return undefined;
    return Number(big);
  }
  return Number(s);
}

/** The first value of a form field, or "" (Request.FormValue). */
export function formValue(form: FormValues, key: string): string {
  return form.get(key)?.[0] ?? '';
}
