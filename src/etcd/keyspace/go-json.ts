/**
 * Go's encoding/json string encoding (Go 1.6, what etcd 2.3.7 was built with): `<`, `>`, `&`
 * and U+2028/U+2029 are escaped as \u00XX / \u20XX, control characters other than \n \r \t
 * as \u00XX (so \b is `\u0008`, unlike JSON.stringify), and DEL is left alone.
 */
const HEX = '0123456789abcdef';

export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      if (c === 0x22) esc = '\\"';
      else if (c === 0x5c) esc = '\\\\';
      else if (c === 0x0a) esc = '\\n';
      else if (c === 0x0d) esc = '\\r';
      else if (c === 0x09) esc = '\\t';
      else esc = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
    } else if (c === 0x2028 || c === 0x2029) {
      esc = c === 0x2028 ? '\\u2028' : '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 on the Go side: it becomes U+FFFD.
      const pair =
        c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        i++;
        continue;
      }
      esc = '\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  // Nothing escaped (most keys and values): one concatenation fewer.
  return start === 0 ? '"' + s + '"' : out + s.slice(start) + '"';
}
