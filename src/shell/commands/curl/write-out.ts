/** What a transfer reports to `-w` (curl_easy_getinfo). Times in seconds. */
export interface TransferInfo {
  urlEffective: string;
  httpCode: number;
  sizeHeader: number;
  sizeRequest: number;
  sizeDownload: number;
  sizeUpload: number;
  contentType?: string;
  redirectUrl?: string;
  numRedirects: number;
  numConnects: number;
  timeTotal: number;
  timeNamelookup: number;
  timeConnect: number;
  timeStarttransfer: number;
  remoteIp: string;
  remotePort: number;
  localIp: string;
  localPort: number;
  filename?: string;
}

const f3 = (n: number) => n.toFixed(3);

/**
 * curl 7.4x's ourWriteOut: `%{var}` (unknown ones warn on stderr), `%%`, and the escapes
 * `\n`, `\r`, `\t` (any other backslash pair is printed as is).
 */
export function writeOut(format: string, info: TransferInfo, warn: (s: string) => void): string {
  const vars: Record<string, () => string> = {
    url_effective: () => info.urlEffective,
    http_code: () => String(info.httpCode).padStart(3, '0'),
    response_code: () => String(info.httpCode).padStart(3, '0'),
    http_connect: () => '000',
    time_total: () => f3(info.timeTotal),
    time_namelookup: () => f3(info.timeNamelookup),
    time_connect: () => f3(info.timeConnect),
    time_appconnect: () => f3(0),
    time_pretransfer: () => f3(info.timeConnect),
    time_starttransfer: () => f3(info.timeStarttransfer),
    time_redirect: () => f3(0),
    size_header: () => String(info.sizeHeader),
    size_request: () => String(info.sizeRequest),
    size_download: () => String(info.sizeDownload),
    size_upload: () => String(info.sizeUpload),
    speed_download: () => f3(info.timeTotal > 0 ? info.sizeDownload / info.timeTotal : 0),
    speed_upload: () => f3(info.timeTotal > 0 ? info.sizeUpload / info.timeTotal : 0),
    content_type: () => info.contentType ?? '',
    num_connects: () => String(info.numConnects),
    num_redirects: () => String(info.numRedirects),
    redirect_url: () => info.redirectUrl ?? '',
    ftp_entry_path: () => '',
    ssl_verify_result: () => '0',
    filename_effective: () => info.filename ?? '',
    remote_ip: () => info.remoteIp,
    remote_port: () => String(info.remotePort),
    local_ip: () => info.localIp,
    local_port: () => String(info.localPort),
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    const n = format[i + 1];
    if (c === '%' && n !== undefined) {
      if (n === '%') {
        out += '%';
        i++;
      } else if (n === '{') {
        const end = format.indexOf('}', i);
        if (end < 0) {
          out += '%{';
          i++;
          continue;
        }
        const name = format.slice(i + 2, end);
        const v = vars[name.toLowerCase()];
        if (v) out += v();
        else warn(`curl: unknown --write-out variable: '${name}'\n`);
        i = end;
      } else {
        out += c + n;
        i++;
      }
    } else if (c === '\\' && n !== undefined) {
      out += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : c + n;
      i++;
    } else out += c;
  }
  return out;
}
