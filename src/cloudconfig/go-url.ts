/**
 * Whether Go's url.ParseRequestURI accepts a string: an absolute URI with a `/` after the scheme,
 * or an absolute path. (Only what the discovery check needs.)
 */
export function isRequestURI(raw: string): boolean {
  if (raw === '' || /[\x00-\x1f\x7f]/.test(raw)) return false;
  if (/%(?![0-9a-fA-F]{2})/.test(raw)) return false;
  let rest = raw;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw);
  if (scheme) rest = raw.slice(scheme[0].length);
  else if (/^[^/?#]*:/.test(raw) && raw.startsWith(':')) return false; // "missing protocol scheme"
  if (!rest.startsWith('/')) return false;
  if (scheme && rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    let authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    const at = authority.lastIndexOf('@');
    if (at >= 0) authority = authority.slice(at + 1);
    return validHost(authority);
  }
  return true;
}

function validHost(host: string): boolean {
  if (host.startsWith('[')) return /^\[[0-9a-fA-F:.]+(%[^\]]*)?\](:\d*)?$/.test(host);
  const colon = host.lastIndexOf(':');
  const name = colon >= 0 ? host.slice(0, colon) : host;
  const port = colon >= 0 ? host.slice(colon + 1) : '';
  if (!/^\d*$/.test(port)) return false;
  return /^[A-Za-z0-9\-._~!$&'()*+,;=%]*$/.test(name);
}
