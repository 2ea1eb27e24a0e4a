import { bodyAllowed, goWireHeaders, STATUS_TEXT, statusLine } from '../../sim/go-wire.ts';
import type { Headers } from '../../sim/http.ts';
import { wallMs } from '../../sim/time.ts';
import { resolvePath, writeError, writeFile } from '../paths.ts';
import type { Command, Process } from '../process.ts';
import { killedStatus } from '../signal.ts';
import { isTerminal } from '../streams.ts';
import { buildPostData } from './curl/data.ts';
import { exchange, type Outcome } from './curl/exchange.ts';
import { CURL_VERSION, HELP_TEXT, VERSION_TEXT } from './curl/help.ts';
import { parseOptions, showsErrors, type CurlOptions } from './curl/options.ts';
import { ProgressMeter } from './curl/progress.ts';
import { formatUrl, hostHeader, isIpLiteral, isUrlError, parseUrl, removeDotSegments, resolveLocation, type CurlUrl } from './curl/url.ts';
import { noteText, warningText } from './curl/warn.ts';
import { writeOut, type TransferInfo } from './curl/write-out.ts';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/**
 * A response head is printed once its framing is known: if the body ends within this many ms
 * of the head, Go's server had sent it with a Content-Length; later, it was streamed (chunked).
 * A head the server flushed itself was streamed whatever follows; one it wrote raw is as it came.
 * The simulated network delivers head, body and end as separate messages with jitter.
 */
const FRAMING_WINDOW_MS = 10;
const EXTRA_STATUS: Record<number, string> = { 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 308: 'Permanent Redirect', 502: 'Bad Gateway', 504: 'Gateway Timeout' };
const reason = (s: number) => STATUS_TEXT[s] ?? EXTRA_STATUS[s];

/** Where the body goes: standard output, or a file created when the first byte arrives. */
class BodySink {
  private created = false;
  error?: string;
  constructor(
    private proc: Process,
    private file: string | undefined,
    private user: string,
  ) {}
  write(s: string): boolean {
    if (this.file === undefined) {
      this.proc.stdout.write(s);
      return true;
    }
    const abs = resolvePath(this.proc.cwd, this.file);
    if (!this.created) {
      this.error = writeError(this.proc.host.fs, abs, this.user);
      if (this.error) return false;
      writeFile(this.proc.host.fs, abs, '', false);
      this.created = true;
    }
    writeFile(this.proc.host.fs, abs, s, true);
    return true;
  }
}

function requestHeaders(url: CurlUrl, body: string | undefined, o: CurlOptions): Headers {
  const own: Headers = [['Host', hostHeader(url)]];
  if (url.user !== undefined || o.user !== undefined) {
    const cred = o.user ?? `${url.user}:${url.password}`;
    own.push(['Authorization', 'Basic ' + btoa(cred.includes(':') ? cred : cred + ':')]);
  }
  own.push(['User-Agent', o.userAgent ?? `curl/${CURL_VERSION}`]);
  if (o.referer) own.push(['Referer', o.referer]);
  own.push(['Accept', '*/*']);
  const tail: Headers = [];
  if (body !== undefined) {
    tail.push(['Content-Length', String(new TextEncoder().encode(body).length)]);
    tail.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  const custom: Headers = [];
  const replaced = new Set<string>();
  for (const h of o.headers) {
    const semi = /^([^:;]+);\s*$/.exec(h);
    if (semi) {
      custom.push([semi[1]!, '']);
      continue;
    }
    const colon = h.indexOf(':');
    if (colon <= 0) continue;
    const name = h.slice(0, colon).trim();
    const value = h.slice(colon + 1).trim();
    replaced.add(name.toLowerCase());
    if (value !== '') custom.push([name, value]);
  }
  const keep = (hs: Headers) => hs.filter(([k]) => !replaced.has(k.toLowerCase()));
  return [...keep(own), ...custom, ...keep(tail)];
}

function headText(status: number, headers: Headers): string {
  return statusLine(status, reason(status)) + '\r\n' + headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
}

const isRedirect = (s: number) => s === 301 || s === 302 || s === 303 || s === 307 || s === 308;
const headerValue = (h: Headers, name: string) => h.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
const shownIp = (host: string) => (isIpLiteral(host) ? host : host === 'localhost' ? '127.0.0.1' : host);

/** One URL (and the redirects -L follows): returns curl's exit code. */
async function transfer(proc: Process, o: CurlOptions, urlText: string, body: string | undefined, output: string | undefined, deadline?: number): Promise<number> {
  const host = proc.host;
  const err = proc.stderr;
  const showErr = showsErrors(o);
  const started = host.now();
  customRequestNotes(o, body, err);
  const parsed = parseUrl(urlText);
  if (isUrlError(parsed)) {
    if (showErr) err.write(`curl: (${parsed.code}) ${parsed.message}\n`);
    return parsed.code;
  }
  // parseurlandfillconn (url.c) removes dot segments and rebuilds the URL (url_effective too).
  const dedot = (u: CurlUrl): CurlUrl => (o.pathAsIs ? u : { ...u, path: removeDotSegments(u.path) });
  let url: CurlUrl = dedot(parsed);
  if (o.get && body !== undefined) url = { ...url, query: url.query ? `${url.query}&${body}` : body };
  let method = o.method ?? (o.head ? 'HEAD' : body !== undefined && !o.get ? 'POST' : 'GET');
  let sendBody = o.get ? undefined : body;
  const sink = new BodySink(proc, output, proc.env.get('USER') === 'root' ? 'root' : 'core');
  const meterOn = !o.silent && !o.progressBar && (output !== undefined || !isTerminal(proc.stdout));
  const meter = meterOn ? new ProgressMeter(err, started, wallMs) : undefined;
  const info: TransferInfo = {
    urlEffective: formatUrl(url), httpCode: 0, sizeHeader: 0, sizeRequest: 0, sizeDownload: 0, sizeUpload: 0,
    numRedirects: 0, numConnects: 0, timeTotal: 0, timeNamelookup: 0, timeConnect: 0, timeStarttransfer: 0,
    remoteIp: '', remotePort: 0, localIp: '', localPort: 0, filename: output,
  };
  const verbose = (s: string) => o.verbose && err.write(s);
  if (meter) {
    meter.sizeUl = sendBody !== undefined ? new TextEncoder().encode(sendBody).length : undefined;
    meter.update(started);
  }
  const meterTimer = meter ? everySecond(proc, () => meter.update(host.now())) : () => undefined;
  const finishInfo = () => {
    info.timeTotal = (host.now() - started) / 1000;
    info.urlEffective = formatUrl(url);
  };
  const fail = (code: number, message: string): number => {
    meterTimer();
    finishInfo();
    if (o.writeOut) proc.stdout.write(writeOut(o.writeOut, info, (s) => err.write(s)));
    if (showErr) err.write(`curl: (${code}) ${message}\n`);
    return code;
  };
  for (;;) {
    const headers = requestHeaders(url, sendBody, o);
    const reqLine = `${method} ${url.path}${url.query ? '?' + url.query : ''} HTTP/1.1`;
    const reqText = reqLine + '\r\n' + headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
    info.sizeRequest += reqText.length + (sendBody?.length ?? 0);
    verbose(`*   Trying ${shownIp(url.host)}...\n`);
    let status = 0;
    let rawHeaders: Headers = [];
    let literalHead = false;
    let gotHead = false;
    let pending: { body: string; timer: () => void } | undefined;
    let early = '';
    let redirecting = false;
    let failed = false;
    let writeFailed: number | undefined;
    const progress: { received: number; size?: number } = { received: 0 };
    // After HEAD curl reads no body: what the simulated server wrote is only there for its length.
    const noBody = method === 'HEAD';
    const emit = (chunk: string) => {
      if (writeFailed !== undefined || !chunk) return;
      if (!sink.write(chunk)) {
        writeFailed = chunk.length;
        ex.abort();
      }
    };
    const flushHead = (complete: boolean) => {
      if (!pending) return;
      pending.timer();
      const wire = literalHead ? rawHeaders : goWireHeaders({ status, headers: rawHeaders, method, body: pending.body, complete, date: new Date(wallMs(host.now())).toUTCString() });
      const cl = headerValue(wire, 'Content-Length');
      if (cl !== undefined) {
        progress.size = Number(cl);
        if (meter) meter.sizeDl = Number(cl);
      }
      const text = headText(status, wire);
      info.sizeHeader += text.length;
      if (o.verbose) err.write(text.split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
      if (o.include || o.head) emit(text);
      const b = pending.body;
      pending = undefined;
      if (!redirecting && !failed && !noBody) {
        info.sizeDownload += b.length;
        emit(b);
      }
    };
    const ex = exchange(
      proc,
      url,
      { method, path: url.path, query: url.query, headers, body: sendBody },
      {
        onHead: (st, hs, how) => {
          gotHead = true;
          literalHead = how === 'raw';
          status = st;
          rawHeaders = hs;
          info.httpCode = st;
          info.numConnects = 1;
          info.timeConnect = info.timeStarttransfer = (host.now() - started) / 1000;
          info.remoteIp = shownIp(url.host);
          info.remotePort = url.port;
          info.localIp = isIpLiteral(url.host) && url.host !== '127.0.0.1' ? host.ip : '127.0.0.1';
          info.localPort = 32768 + (Math.floor(started * 7) % 28000);
          info.contentType = headerValue(hs, 'Content-Type');
          if (sendBody !== undefined) {
            info.sizeUpload = new TextEncoder().encode(sendBody).length;
            if (meter) meter.uploaded = info.sizeUpload;
          }
          verbose(`* Connected to ${url.host} (${shownIp(url.host)}) port ${url.port} (#0)\n` + reqText.split('\r\n').slice(0, -1).map((l) => `> ${l}\r\n`).join(''));
          if (sendBody !== undefined) verbose(`* upload completely sent off: ${sendBody.length} out of ${sendBody.length} bytes\n`);
          if (o.fail && st >= 400) {
            failed = true;
            ex.abort();
            return;
          }
          const location = headerValue(hs, 'Location');
          if (location !== undefined && isRedirect(st)) {
            if (o.follow) redirecting = true;
            else {
              const to = resolveLocation(url, location);
              info.redirectUrl = isUrlError(to) ? undefined : formatUrl(to);
            }
          }
          const known = how !== 'buffered';
          pending = { body: early, timer: known ? () => undefined : host.setTimer(() => flushHead(false), FRAMING_WINDOW_MS) };
          early = '';
          if (known) flushHead(false);
        },
        onData: (chunk) => {
          if (noBody) {
            if (pending) pending.body += chunk; // for Go's Content-Length only
            return;
          }
          progress.received += chunk.length;
          if (meter) meter.downloaded += chunk.length;
          if (!gotHead) early += chunk;
          else if (pending) pending.body += chunk;
          else if (!redirecting && !failed) {
            info.sizeDownload += chunk.length;
            emit(chunk);
          }
        },
      },
      { deadline, connectTimeout: o.connectTimeout },
      progress,
    );
    let outcome = await ex.outcome;
    if (pending && outcome.kind === 'done') flushHead(true);
    // -X HEAD without -I: curl was not told there is no body, and waits for the length announced.
    if (outcome.kind === 'done' && noBody && !o.head && gotHead && bodyAllowed(status) && progress.size !== 0) {
      outcome = await bodyThatNeverComes(proc, started, deadline, progress.size);
    }
    // Interrupted or timed out within the framing window: that head is never printed.
    pending?.timer();
    pending = undefined;
    if (outcome.kind === 'signal') {
      meterTimer();
      return killedStatus(outcome.reason);
    }
    if (writeFailed !== undefined) {
      if (!o.silent) err.write(warningText(`Failed to create the file ${output}: ${sink.error}\n`));
      return fail(23, `Failed writing body (0 != ${writeFailed})`);
    }
    if (failed) {
      verbose('* The requested URL returned error: ' + `${status} ${reason(status) ?? ''}`.trim() + '\n* Closing connection 0\n');
      return fail(22, `The requested URL returned error: ${status}${reason(status) ? ' ' + reason(status) : ''}`);
    }
    if (outcome.kind === 'error') {
      if (outcome.code === 7) verbose(`* connect to ${shownIp(url.host)} port ${url.port} failed: ${outcome.message.replace(/^.*: /, '')}\n`);
      verbose(`* ${outcome.message}\n* Closing connection 0\n`);
      return fail(outcome.code, outcome.message);
    }
    if (!gotHead) {
      verbose('* Empty reply from server\n* Connection #0 to host ' + url.host + ' left intact\n');
      return fail(52, 'Empty reply from server');
    }
    verbose(`* Connection #0 to host ${url.host} left intact\n`);
    if (!redirecting) break;
    info.numRedirects++;
    if (info.numRedirects > o.maxRedirs) return fail(47, `Maximum (${o.maxRedirs}) redirects followed`);
    const next = resolveLocation(url, headerValue(rawHeaders, 'Location')!);
    if (isUrlError(next)) return fail(next.code, next.message);
    // 301/302/303 turn a POST into a GET (curl keeps a method given with -X).
    if (o.method === undefined && (status === 303 || ((status === 301 || status === 302) && method === 'POST'))) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      sendBody = undefined;
    }
    url = dedot(next);
    verbose(`* Issue another request to this URL: '${formatUrl(url)}'\n`);
  }
  meterTimer();
  meter?.done(host.now());
  finishInfo();
  if (o.writeOut) proc.stdout.write(writeOut(o.writeOut, info, (s) => err.write(s)));
  return 0;
}

/** Waits, as curl on an open connection that sends nothing more, for Ctrl-C or --max-time. */
function bodyThatNeverComes(proc: Process, started: number, deadline: number | undefined, size: number | undefined): Promise<Outcome> {
  const host = proc.host;
  return new Promise((resolve) => {
    const offs: (() => void)[] = [];
    const done = (o: Outcome) => {
      for (const off of offs.splice(0)) off();
      resolve(o);
    };
    offs.push(proc.signal.onAbort((reason) => done({ kind: 'signal', reason })));
    if (deadline !== undefined) {
      offs.push(
        host.setTimer(() => {
          const got = size !== undefined ? `0 out of ${size}` : '0';
          done({ kind: 'error', code: 28, message: `Operation timed out after ${host.now() - started} milliseconds with ${got} bytes received` });
        }, Math.max(0, deadline - host.now()) + 1),
      );
    }
  });
}

/** customrequest_helper (tool_operate.c): -X naming the method curl infers, or HEAD. Muted by -s. */
function customRequestNotes(o: CurlOptions, body: string | undefined, err: Process['stderr']): void {
  if (o.method === undefined || o.silent) return;
  const inferred = o.head ? 'HEAD' : body !== undefined && !o.get ? 'POST' : 'GET';
  const m = o.method.toLowerCase();
  if (m === inferred.toLowerCase()) {
    if (o.verbose) err.write(noteText(`Unnecessary use of -X or --request, ${inferred} is already inferred.\n`));
  } else if (m === 'head') {
    err.write(warningText('Setting custom HTTP method to HEAD with -X/--request may not work the way you want. Consider using -I/--head instead.\n'));
  }
}

/** Calls `fn` every virtual second until cancelled (curl's loop wakes at least once a second). */
function everySecond(proc: Process, fn: () => void): () => void {
  let cancel = () => {};
  const arm = () => {
    cancel = proc.host.setTimer(() => {
      fn();
      arm();
    }, 1000);
  };
  arm();
  return () => cancel();
}

/** curl 7.4x as CoreOS shipped it, over the simulated network. */
export const curl: Command = async (proc) => {
  const parsed = parseOptions(proc.argv.slice(1));
  if (!parsed.ok) {
    proc.stderr.write(`curl: ${parsed.message}\n${TRY}`);
    return 2;
  }
  const o = parsed.opts;
  if (o.help) {
    proc.stdout.write(HELP_TEXT);
    return 0;
  }
  if (o.version) {
    proc.stdout.write(VERSION_TEXT);
    return 0;
  }
  if (o.urls.length === 0) {
    proc.stderr.write(`curl: no URL specified!\n${TRY}`);
    return 2;
  }
  const body = await buildPostData(proc, o, (w) => {
    if (!o.silent) proc.stderr.write(warningText(w));
  });
  // tool_operate.c (7.4x): once the options are read, data without -G makes a POST, and
  // SetHTTPrequest refuses a second method (-I's HEAD): CURLE_FAILED_INIT.
  if (body !== undefined && o.head && !o.get) {
    if (!o.silent) proc.stderr.write(warningText('You can only select one HTTP request!\n'));
    return 2;
  }
  const deadline = o.maxTime !== undefined && o.maxTime > 0 ? proc.host.now() + o.maxTime : undefined;
  let code = 0;
  for (let i = 0; i < o.urls.length; i++) {
    let output = i === 0 ? o.output : undefined;
    if (i === 0 && o.remoteName && output === undefined) {
      const u = parseUrl(o.urls[0]!);
      const name = isUrlError(u) ? '' : u.path.slice(u.path.lastIndexOf('/') + 1);
      if (!name) {
        if (showsErrors(o)) proc.stderr.write('curl: Remote file name has no length!\n');
        return 23;
      }
      output = name;
    }
    code = await transfer(proc, o, o.urls[i]!, body, output, deadline);
    if (proc.signal.aborted) return code;
  }
  return code;
};
