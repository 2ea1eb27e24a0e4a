import { readFile, resolvePath } from '../../paths.ts';
import type { Process } from '../../process.ts';
import type { CurlOptions } from './options.ts';

/** curl_easy_escape: everything but ALPHA DIGIT - . _ ~ as %XX (UTF-8 bytes). */
export function curlEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

async function readSource(proc: Process, name: string, warn: (s: string) => void): Promise<string> {
  if (name === '-') return proc.stdin.readAll();
  const got = readFile(proc.host.fs, resolvePath(proc.cwd, name));
  if ('error' in got) {
    warn(`Couldn't read data from file "${name}", this makes an empty POST.\n`);
    return '';
  }
  return got.text;
}

/** The request body from -d, --data-binary, --data-urlencode, --data-raw (joined with `&`). */
export async function buildPostData(proc: Process, o: CurlOptions, warn: (s: string) => void): Promise<string | undefined> {
  if (o.data.length === 0) return undefined;
  const pieces: string[] = [];
  for (const d of o.data) {
    if (d.kind === 'urlencode') {
      let sep = d.value.indexOf('=');
      if (sep < 0) sep = d.value.indexOf('@');
      if (sep < 0) {
        pieces.push(curlEscape(d.value));
        continue;
      }
      const name = d.value.slice(0, sep);
      const content = d.value[sep] === '@' ? await readSource(proc, d.value.slice(sep + 1), warn) : d.value.slice(sep + 1);
      pieces.push(name ? `${name}=${curlEscape(content)}` : curlEscape(content));
      continue;
    }
    if (d.kind !== 'raw' && d.value.startsWith('@')) {
      const text = await readSource(proc, d.value.slice(1), warn);
      // -d @file drops carriage returns and newlines; --data-binary keeps them.
      pieces.push(d.kind === 'binary' ? text : text.replace(/[\r\n]/g, ''));
      continue;
    }
    pieces.push(d.value);
  }
  return pieces.join('&');
}
