/** A URL as curl 7.4x splits it. */
export interface CurlUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path as typed (`/` when empty); curl sends it without dot segments (`removeDotSegments`). */
  path: string;
  /** Query string without `?`, '' when none. */
  query: string;
  user?: string;
  password?: string;
}

/** A URL curl refuses: its exit code and message (`curl: (N) message`). */
export interface UrlError {
  code: number;
  message: string;
}

const DEFAULT_PORT = { http: 80, https: 443 } as const;

/** Parses a URL argument; without a scheme curl guesses http. */
export function parseUrl(text: string): CurlUrl | UrlError {
  let rest = text.trim();
  let scheme = 'http';
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  } else if (/^ftp\./i.test(rest)) scheme = 'ftp';
  if (scheme !== 'http' && scheme !== 'https') return { code: 1, message: `Protocol "${m ? m[1] : scheme}" not supported or disabled in libcurl` };
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const end = rest.search(/[/?]/);
  let authority = end >= 0 ? rest.slice(0, end) : rest;
  let pathQuery = end >= 0 ? rest.slice(end) : '/';
  if (pathQuery.startsWith('?')) pathQuery = '/' + pathQuery;
  let user: string | undefined;
  let password: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const info = authority.slice(0, at);
    authority = authority.slice(at + 1);
    const colon = info.indexOf(':');
    user = decodeURIComponent(colon >= 0 ? info.slice(0, colon) : info);
    password = colon >= 0 ? decodeURIComponent(info.slice(colon + 1)) : '';
  }
  let host = authority;
  let port: number = DEFAULT_PORT[scheme as 'http'];
  const v6 = /^\[([^\]]*)\](.*)$/.exec(authority);
  let portText: string | undefined;
  if (v6) {
    host = v6[1]!;
    if (v6[2]) portText = v6[2].startsWith(':') ? v6[2].slice(1) : v6[2];
  } else {
    const colon = authority.indexOf(':');
    if (colon >= 0) {
      host = authority.slice(0, colon);
      portText = authority.slice(colon + 1);
    }
  }
  if (host === '') return { code: 3, message: '<url> malformed' };
  if (portText !== undefined && portText !== '') {
    const digits = /^\d*/.exec(portText)![0];
    if (digits.length < portText.length) return { code: 3, message: `Port number ended with '${portText[digits.length]}'` };
    port = Number(digits);
    if (port > 65535) return { code: 3, message: 'Port number too large: ' + digits };
  }
  const q = pathQuery.indexOf('?');
  return {
    scheme: scheme as 'http' | 'https',
    host: host.toLowerCase(),
    port,
    path: q >= 0 ? pathQuery.slice(0, q) : pathQuery,
    query: q >= 0 ? pathQuery.slice(q + 1) : '',
    user,
    password,
  };
}

/**
 * RFC 3986 5.2.4 remove_dot_segments, as curl (7.32+, lib/dotdot.c) applies it to the path it
 * sends unless --path-as-is: `.` and `..` segments go, `//` stays, `%2e` is not a dot.
 */
export function removeDotSegments(path: string): string {
  let input = path;
  let out = '';
  while (input) {
    if (input.startsWith('../')) input = input.slice(3);
    else if (input.startsWith('./')) input = input.slice(2);
    else if (input.startsWith('/./')) input = input.slice(2);
    else if (input === '/.') input = '/';
    else if (input.startsWith('/../') || input === '/..') {
      input = '/' + input.slice(input === '/..' ? 3 : 4);
      out = out.slice(0, Math.max(0, out.lastIndexOf('/')));
    } else if (input === '.' || input === '..') input = '';
    else {
      const next = input.indexOf('/', 1);
      const seg = next < 0 ? input : input.slice(0, next);
      out += seg;
      input = input.slice(seg.length);
    }
  }
  return out;
}

export function isUrlError(u: CurlUrl | UrlError): u is UrlError {
  return 'code' in u;
}

/** The URL as curl reports it (%{url_effective}). */
export function formatUrl(u: CurlUrl): string {
  const port = u.port === DEFAULT_PORT[u.scheme] ? '' : `:${u.port}`;
  return `${u.scheme}://${u.host}${port}${u.path}${u.query ? '?' + u.query : ''}`;
}

/** The Host header: the port only when it is not the scheme's default. */
export function hostHeader(u: CurlUrl): string {
  return u.port === DEFAULT_PORT[u.scheme] ? u.host : `${u.host}:${u.port}`;
}

/** Resolves a Location header against the URL it came from. */
export function resolveLocation(base: CurlUrl, location: string): CurlUrl | UrlError {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return parseUrl(location);
  if (location.startsWith('//')) return parseUrl(`${base.scheme}:${location}`);
  const origin = `${base.scheme}://${hostHeader(base)}`;
  if (location.startsWith('/')) return parseUrl(origin + location);
  if (location.startsWith('?')) return parseUrl(origin + base.path + location);
  const dir = base.path.slice(0, base.path.lastIndexOf('/') + 1);
  return parseUrl(origin + dir + location);
}

/** True for a dotted IPv4 address (no name lookup involved). */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}
