/**
 * config.DecodeContent: whether write_files content decodes under its encoding. Base64 follows
 * Go's StdEncoding (padding required, CR/LF ignored); gzip is checked as far as its header
 * (magic bytes and deflate method) — the inflate stream itself is not verified.
 */
export function decodeContent(content: string, encoding: string): Uint8Array | undefined {
  switch (encoding) {
    case '':
      return utf8(content);
    case 'b64':
    case 'base64':
      return decodeBase64(content);
    case 'gz':
    case 'gzip':
      return gzipHeaderOk(utf8(content)) ? utf8(content) : undefined;
    case 'gz+base64':
    case 'gzip+base64':
    case 'gz+b64':
    case 'gzip+b64': {
      const bytes = decodeBase64(content);
      return bytes && gzipHeaderOk(bytes) ? bytes : undefined;
    }
    default:
      return undefined;
  }
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.DecodeString. */
export function decodeBase64(s: string): Uint8Array | undefined {
  const clean = s.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0) return undefined;
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const quad = clean.slice(i, i + 4);
    const pad = /=*$/.exec(quad)![0].length;
    if (pad > 2 || (pad > 0 && i + 4 !== clean.length)) return undefined;
    const vals: number[] = [];
    for (const ch of quad.slice(0, 4 - pad)) {
      const v = ALPHABET.indexOf(ch);
      if (v < 0) return undefined;
      vals.push(v);
    }
    const n = vals.reduce((acc, v) => (acc << 6) | v, 0) << (6 * pad);
    out.push((n >> 16) & 255);
    if (pad < 2) out.push((n >> 8) & 255);
    if (pad < 1) out.push(n & 255);
  }
  return Uint8Array.from(out);
}

function gzipHeaderOk(b: Uint8Array): boolean {
  return b.length >= 18 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 8;
}

/**
 * Where Go's base64.StdEncoding.DecodeString reports a CorruptInputError (its byte offset into
 * the input, CR and LF counted but skipped); undefined when it decodes.
 */
export function base64ErrorAt(src: string): number | undefined {
  let si = 0;
  const skipNewlines = () => {
    while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
  };
  for (;;) {
    for (let j = 0; j < 4; ) {
      skipNewlines();
      if (si === src.length) return j === 0 ? undefined : si - j;
      const c = src[si++]!;
      if (ALPHABET.includes(c)) {
        j++;
        continue;
      }
      if (c !== '=' || j < 2) return si - 1;
      // Padding: `==` after two characters, `=` after three, then nothing but newlines.
      if (j === 2) {
        skipNewlines();
        if (si === src.length) return src.length;
        if (src[si] !== '=') return si - 1;
        si++;
      }
      skipNewlines();
      return si < src.length ? si : undefined;
    }
  }
}
