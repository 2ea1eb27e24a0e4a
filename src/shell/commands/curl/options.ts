/** curl's command line (tool_getparam.c of curl 7.4x): the options the playground understands. */

export type DataKind = 'ascii' | 'binary' | 'urlencode' | 'raw';

export interface CurlOptions {
  urls: string[];
  silent: boolean;
  /** -S; undefined: the default (errors shown unless -s). */
  showError?: boolean;
  follow: boolean;
  maxRedirs: number;
  /** -X */
  method?: string;
  /** -I */
  head: boolean;
  /** -i */
  include: boolean;
  verbose: boolean;
  data: { kind: DataKind; value: string }[];
  /** -G: the data goes into the query string. */
  get: boolean;
  headers: string[];
  userAgent?: string;
  user?: string;
  referer?: string;
  writeOut?: string;
  output?: string;
  remoteName: boolean;
  fail: boolean;
  /** Milliseconds. */
  connectTimeout?: number;
  maxTime?: number;
  help: boolean;
  version: boolean;
  progressBar: boolean;
  /** --path-as-is: send `.` and `..` segments. */
  pathAsIs: boolean;
}

type Setter = (o: CurlOptions, arg: string) => string | void;

interface Spec {
  long: string;
  short?: string;
  arg: boolean;
  set: Setter;
}

const seconds = (flag: string) => (o: CurlOptions, a: string, key: 'connectTimeout' | 'maxTime') => {
  if (!/^\d*\.?\d+$|^\d+\.$/.test(a)) return `option ${flag}: expected a proper numerical parameter`;
  o[key] = Math.round(Number(a) * 1000);
};

const SPECS: Spec[] = [
  { long: 'data', short: 'd', arg: true, set: (o, a) => void o.data.push({ kind: 'ascii', value: a }) },
  { long: 'data-ascii', arg: true, set: (o, a) => void o.data.push({ kind: 'ascii', value: a }) },
  { long: 'data-binary', arg: true, set: (o, a) => void o.data.push({ kind: 'binary', value: a }) },
  { long: 'data-urlencode', arg: true, set: (o, a) => void o.data.push({ kind: 'urlencode', value: a }) },
  { long: 'data-raw', arg: true, set: (o, a) => void o.data.push({ kind: 'raw', value: a }) },
  { long: 'header', short: 'H', arg: true, set: (o, a) => void o.headers.push(a) },
  { long: 'request', short: 'X', arg: true, set: (o, a) => void (o.method = a) },
  { long: 'include', short: 'i', arg: false, set: (o) => void (o.include = true) },
  { long: 'head', short: 'I', arg: false, set: (o) => void (o.head = true) },
  { long: 'silent', short: 's', arg: false, set: (o) => void (o.silent = true) },
  { long: 'show-error', short: 'S', arg: false, set: (o) => void (o.showError = true) },
  { long: 'location', short: 'L', arg: false, set: (o) => void (o.follow = true) },
  {
    long: 'max-redirs',
    arg: true,
    set: (o, a) => {
      if (!/^-?\d+$/.test(a)) return 'option --max-redirs: expected a proper numerical parameter';
      o.maxRedirs = Number(a);
    },
  },
  { long: 'verbose', short: 'v', arg: false, set: (o) => void (o.verbose = true) },
  { long: 'write-out', short: 'w', arg: true, set: (o, a) => void (o.writeOut = a) },
  { long: 'output', short: 'o', arg: true, set: (o, a) => void (o.output = a) },
  { long: 'remote-name', short: 'O', arg: false, set: (o) => void (o.remoteName = true) },
  { long: 'fail', short: 'f', arg: false, set: (o) => void (o.fail = true) },
  { long: 'connect-timeout', arg: true, set: (o, a) => seconds('--connect-timeout')(o, a, 'connectTimeout') },
  { long: 'max-time', short: 'm', arg: true, set: (o, a) => seconds('--max-time')(o, a, 'maxTime') },
  { long: 'get', short: 'G', arg: false, set: (o) => void (o.get = true) },
  { long: 'user-agent', short: 'A', arg: true, set: (o, a) => void (o.userAgent = a) },
  { long: 'user', short: 'u', arg: true, set: (o, a) => void (o.user = a) },
  { long: 'referer', short: 'e', arg: true, set: (o, a) => void (o.referer = a) },
  { long: 'url', arg: true, set: (o, a) => void o.urls.push(a) },
  { long: 'help', short: 'h', arg: false, set: (o) => void (o.help = true) },
  { long: 'version', short: 'V', arg: false, set: (o) => void (o.version = true) },
  { long: 'progress-bar', short: '#', arg: false, set: (o) => void (o.progressBar = true) },
  { long: 'path-as-is', arg: false, set: (o) => void (o.pathAsIs = true) },
  // Accepted and without effect in the simulation.
  { long: 'insecure', short: 'k', arg: false, set: () => undefined },
  { long: 'no-buffer', short: 'N', arg: false, set: () => undefined },
  { long: 'compressed', arg: false, set: () => undefined },
  { long: 'globoff', short: 'g', arg: false, set: () => undefined },
  { long: 'ipv4', short: '4', arg: false, set: () => undefined },
  { long: 'ipv6', short: '6', arg: false, set: () => undefined },
  { long: 'noproxy', arg: true, set: () => undefined },
  { long: 'retry', arg: true, set: () => undefined },
  { long: 'stderr', arg: true, set: () => undefined },
  { long: 'cacert', arg: true, set: () => undefined },
];

export type ParseResult = { ok: true; opts: CurlOptions } | { ok: false; message: string };

export function parseOptions(args: string[]): ParseResult {
  const o: CurlOptions = {
    urls: [],
    silent: false,
    follow: false,
    maxRedirs: 50,
    head: false,
    include: false,
    verbose: false,
    data: [],
    get: false,
    headers: [],
    remoteName: false,
    fail: false,
    help: false,
    version: false,
    progressBar: false,
    pathAsIs: false,
  };
  let noMoreOptions = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (noMoreOptions || !a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    if (a === '--') {
      noMoreOptions = true;
      continue;
    }
    if (a.startsWith('--')) {
      const word = a.slice(2);
      const exact = SPECS.find((s) => s.long === word);
      const hits = exact ? [exact] : SPECS.filter((s) => s.long.startsWith(word));
      if (hits.length === 0) return { ok: false, message: `option ${a}: is unknown` };
      if (hits.length > 1) return { ok: false, message: `option ${a}: is ambiguous` };
      const spec = hits[0]!;
      let arg = '';
      if (spec.arg) {
        if (i + 1 >= args.length) return { ok: false, message: `option ${a}: requires parameter` };
        arg = args[++i]!;
      }
      const err = spec.set(o, arg);
      if (err) return { ok: false, message: err };
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const spec = SPECS.find((s) => s.short === a[j]);
      if (!spec) return { ok: false, message: `option -${a[j]}: is unknown` };
      let arg = '';
      if (spec.arg) {
        if (j + 1 < a.length) arg = a.slice(j + 1);
        else if (i + 1 < args.length) arg = args[++i]!;
        else return { ok: false, message: `option -${a[j]}: requires parameter` };
        const err = spec.set(o, arg);
        if (err) return { ok: false, message: err.replace(/option --[a-z-]+/, `option -${a[j]}`) };
        break;
      }
      spec.set(o, arg);
    }
  }
  return { ok: true, opts: o };
}

/** Errors are shown without -s, or with -S. */
export function showsErrors(o: CurlOptions): boolean {
  return o.showError ?? !o.silent;
}
