import { describe, it, expect } from 'vitest';
import type { HttpRequest, HttpResponseWriter } from '../../../src/sim/http.ts';
import { ShellHarness } from '../harness.ts';

const BODY = '{"action":"get","node":{"key":"/foo","value":"bar","modifiedIndex":4,"createdIndex":4}}\n';
const ETCD_HEADERS: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['X-Etcd-Cluster-Id', '7e27652122e8b2ae'],
  ['X-Etcd-Index', '4'],
  ['X-Raft-Index', '5'],
  ['X-Raft-Term', '2'],
];

/** An etcd-like member on core-01:2379 recording what it was asked. */
function etcd(h: ShellHarness, host = 'core-01') {
  const seen: HttpRequest[] = [];
  h.serve(host, 2379, (req: HttpRequest, res: HttpResponseWriter) => {
    seen.push(req);
    if (req.path === '/v2/keys/foo') {
      // For HEAD too, as etcd does: Go's server sends the length and discards the body.
      res.writeHead(200, ETCD_HEADERS);
      res.end(BODY);
    } else if (req.path === '/v2/keys/put') {
      res.writeHead(201, ETCD_HEADERS);
      res.end(`{"method":"${req.method}","body":"${req.body}"}\n`);
    } else if (req.path === '/v2/keys/watch') {
      // A watch: the head goes out at once, the event when it happens.
      res.writeHead(200, ETCD_HEADERS.slice(0, 3));
      h.world.clock.schedule(() => res.end(BODY), 5000);
      req.onClose(() => seen.push({ ...req, path: 'closed' }));
    } else if (req.path === '/v2/keys/flushed') {
      // A watch answered from the history: the head is flushed, the event follows at once.
      res.writeHead(200, ETCD_HEADERS);
      res.flush();
      res.end(BODY);
    } else if (req.path === '/raw') {
      // Go's conn.serve refusing a request line: its own bytes, then the connection closes.
      res.writeRawHead(400);
      res.end();
    } else if (req.path === '/hang') {
      res.writeHead(200, [['Content-Type', 'application/json']]);
    } else {
      res.writeHead(404, [['Content-Type', 'text/plain; charset=utf-8']]);
      res.end('404 page not found\n');
    }
  });
  return seen;
}

describe('curl: requests and output', () => {
  it('prints the body of a GET', async () => {
    const h = new ShellHarness();
    const seen = etcd(h);
    const r = await h.run('curl http://127.0.0.1:2379/v2/keys/foo');
    expect(r).toMatchObject({ stdout: BODY, stderr: '', code: 0 });
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.headers).toEqual([
      ['Host', '127.0.0.1:2379'],
      ['User-Agent', 'curl/7.48.0'],
      ['Accept', '*/*'],
    ]);
  });

  it('-i prints the head as Go wrote it: sorted headers, then Date and Content-Length, CRLF', async () => {
    const h = new ShellHarness();
    etcd(h);
    const r = await h.run('curl -i http://127.0.0.1:2379/v2/keys/foo');
    expect(r.stdout).toBe(
      'HTTP/1.1 200 OK\r\n' +
        'Content-Type: application/json\r\n' +
        'X-Etcd-Cluster-Id: 7e27652122e8b2ae\r\n' +
        'X-Etcd-Index: 4\r\n' +
        'X-Raft-Index: 5\r\n' +
        'X-Raft-Term: 2\r\n' +
        'Date: Wed, 01 Jun 2016 09:00:00 GMT\r\n' +
        `Content-Length: ${BODY.length}\r\n` +
        '\r\n' +
        BODY,
    );
  });

  it('-I sends HEAD and prints only the head, with the length of the body Go discarded', async () => {
    const h = new ShellHarness();
    const seen = etcd(h);
    const r = await h.run('curl -I http://127.0.0.1:2379/v2/keys/foo');
    expect(seen[0]!.method).toBe('HEAD');
    expect(r.stdout).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Etcd-Cluster-Id: 7e27652122e8b2ae\r\nX-Etcd-Index: 4\r\nX-Raft-Index: 5\r\nX-Raft-Term: 2\r\nDate: Wed, 01 Jun 2016 09:00:00 GMT\r\nContent-Length: 88\r\n\r\n',
    );
    // A 404 page on HEAD: still no body printed.
    expect((await h.run('curl -sI http://127.0.0.1:2379/nope')).stdout).toBe(
      'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nDate: Wed, 01 Jun 2016 09:00:00 GMT\r\nContent-Length: 19\r\n\r\n',
    );
  });

  it('sends the path without dot segments; --path-as-is keeps them', async () => {
    const h = new ShellHarness();
    const seen = etcd(h);
    expect((await h.run("curl -s -w ' %{url_effective}' http://127.0.0.1:2379/v2/keys/x/../foo")).stdout).toBe(BODY + ' http://127.0.0.1:2379/v2/keys/foo');
    expect(seen[0]!.path).toBe('/v2/keys/foo');
    await h.run('curl -s --path-as-is http://127.0.0.1:2379/v2/keys/./foo');
    expect(seen[1]!.path).toBe('/v2/keys/./foo');
  });

  it('-X PUT -d sends a form body; several -d are joined with &', async () => {
    const h = new ShellHarness();
    const seen = etcd(h);
    const r = await h.run('curl -L http://127.0.0.1:2379/v2/keys/put -XPUT -d value=bar -d ttl=5');
    expect(r.stdout).toBe('{"method":"PUT","body":"value=bar&ttl=5"}\n');
    expect(seen[0]!.headers).toEqual([
      ['Host', '127.0.0.1:2379'],
      ['User-Agent', 'curl/7.48.0'],
      ['Accept', '*/*'],
      ['Content-Length', '15'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
  });

  it('-d alone means POST; --data-urlencode escapes; -d @file strips newlines', async () => {
    const h = new ShellHarness();
    const seen = etcd(h);
    h.host.fs.write('/home/core/v.txt', 'value=line1\nline2\n');
    await h.run(`curl -s http://127.0.0.1:2379/v2/keys/put --data-urlencode 'value=hello world&more'`);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.body).toBe('value=hello%20world%26more');
    await h.run('curl -s http://127.0.0.1:2379/v2/keys/put -d @v.txt');
    expect(seen[1]!.body).toBe('value=line1line2');
    await h.run('curl -s http://127.0.0.1:2379/v2/keys/put -H "Content-Type: application/json" -d "{}"');
    expect(seen[2]!.headers.find(([k]) => k === 'Content-Type')).toEqual(['Content-Type', 'application/json']);
  });

  it('a missing -d @file warns, wrapped at 79 columns as curl wraps its warnings', async () => {
    const h = new ShellHarness();
    etcd(h);
    const r = await h.run('curl -s -S http://127.0.0.1:2379/v2/keys/put -d @/nonexistent');
    expect(r).toMatchObject({ stdout: '{"method":"POST","body":""}\n', stderr: '', code: 0 });
    const w = await h.run('curl http://127.0.0.1:2379/v2/keys/put -d @/nonexistent');
    expect(w.stderr).toBe('Warning: Couldn\'t read data from file "/nonexistent", this makes an empty \nWarning: POST.\n');
  });

  it('-G puts the data in the query string', async () => {
    const h = new ShellHarness();
    const seen = etcd(h);
    await h.run('curl -s -G http://127.0.0.1:2379/v2/keys/foo?x=1 -d recursive=true');
    expect(seen[0]).toMatchObject({ method: 'GET', query: 'x=1&recursive=true', body: '' });
  });

  it('-w writes out variables after the body', async () => {
    const h = new ShellHarness();
    etcd(h);
    const r = await h.run(`curl -s -o /dev/null -w '%{http_code}\\n' http://127.0.0.1:2379/v2/keys/nope`);
    expect(r).toMatchObject({ stdout: '404\n', stderr: '', code: 0 });
    const r2 = await h.run(`curl -s -w "\\n%{http_code} %{content_type} %{url_effective}" http://127.0.0.1:2379/v2/keys/foo`);
    expect(r2.stdout).toBe(BODY + '\n200 application/json http://127.0.0.1:2379/v2/keys/foo');
    const r3 = await h.run(`curl -s -w '%{nosuch}' http://127.0.0.1:2379/v2/keys/foo`);
    expect(r3.stderr).toBe("curl: unknown --write-out variable: 'nosuch'\n");
  });

  it('-o writes the body to a file', async () => {
    const h = new ShellHarness();
    etcd(h);
    const r = await h.run('curl -s -o out.json http://127.0.0.1:2379/v2/keys/foo');
    expect(r).toMatchObject({ stdout: '', stderr: '', code: 0 });
    expect(h.host.fs.read('/home/core/out.json')).toBe(BODY);
    const r2 = await h.run('curl -s -o /etc/out.json http://127.0.0.1:2379/v2/keys/foo');
    expect(r2.code).toBe(23);
  });

  it('-f fails on HTTP errors without printing the body', async () => {
    const h = new ShellHarness();
    etcd(h);
    const r = await h.run('curl -f http://127.0.0.1:2379/nothing');
    expect(r).toMatchObject({ stdout: '', stderr: 'curl: (22) The requested URL returned error: 404 Not Found\n', code: 22 });
    expect(await h.run('curl -sf http://127.0.0.1:2379/nothing')).toMatchObject({ stderr: '', code: 22 });
  });

  it('an HTTPS URL goes to port 443 of the named host', async () => {
    const h = new ShellHarness();
    h.addHost('discovery.etcd.io', '104.16.0.1');
    h.serve('discovery.etcd.io', 443, (req, res) => {
      res.writeHead(200, [['Content-Type', 'text/plain']]);
      res.end(`https://discovery.etcd.io/${req.query === 'size=3' ? '6a28e078895c5ec737174db2419bb2f3' : 'x'}`);
    });
    const r = await h.run('curl -w "\\n" "https://discovery.etcd.io/new?size=3"');
    expect(r).toMatchObject({ stdout: 'https://discovery.etcd.io/6a28e078895c5ec737174db2419bb2f3\n', code: 0 });
  });
});

describe('curl: redirects', () => {
  it('-L follows a 307 to another member; without -L the redirect body is printed', async () => {
    const h = new ShellHarness();
    h.addHost('core-02', '172.17.8.102');
    etcd(h);
    h.serve('core-02', 2379, (req, res) => {
      res.writeHead(307, [['Location', 'http://172.17.8.101:2379' + req.path]]);
      res.end('<a href="http://172.17.8.101:2379/v2/keys/foo">Temporary Redirect</a>.\n\n');
    });
    expect((await h.run('curl -L http://172.17.8.102:2379/v2/keys/foo')).stdout).toBe(BODY);
    expect((await h.run('curl http://172.17.8.102:2379/v2/keys/foo')).stdout).toBe('<a href="http://172.17.8.101:2379/v2/keys/foo">Temporary Redirect</a>.\n\n');
    const i = (await h.run('curl -iL http://172.17.8.102:2379/v2/keys/foo')).stdout;
    expect(i.startsWith('HTTP/1.1 307 Temporary Redirect\r\nLocation: http://172.17.8.101:2379/v2/keys/foo\r\nDate: ')).toBe(true);
    expect(i).toContain('\r\n\r\nHTTP/1.1 200 OK\r\n');
    expect(i.endsWith('\r\n\r\n' + BODY)).toBe(true);
  });
});

describe('curl: failures', () => {
  it('connection refused: a host that is up with nothing on the port', async () => {
    const h = new ShellHarness();
    const r = await h.run('curl http://127.0.0.1:2379/v2/keys/foo');
    expect(r).toMatchObject({ stdout: '', stderr: 'curl: (7) Failed to connect to 127.0.0.1 port 2379: Connection refused\n', code: 7 });
    expect(await h.run('curl -s http://127.0.0.1:2379/')).toMatchObject({ stderr: '', code: 7 });
    expect(await h.run('curl -sS http://127.0.0.1:2379/')).toMatchObject({ stderr: 'curl: (7) Failed to connect to 127.0.0.1 port 2379: Connection refused\n', code: 7 });
    const w = await h.run(`curl -s -w '%{http_code}\\n' http://127.0.0.1:2379/`);
    expect(w).toMatchObject({ stdout: '000\n', code: 7 });
  });

  it('no route to host: a machine that is down', async () => {
    const h = new ShellHarness();
    h.addHost('core-02', '172.17.8.102', false);
    const r = await h.run('curl http://172.17.8.102:2379/v2/keys/foo');
    expect(r).toMatchObject({ stderr: 'curl: (7) Failed to connect to 172.17.8.102 port 2379: No route to host\n', code: 7 });
    expect(r.elapsed).toBeGreaterThanOrEqual(3000);
  });

  it('an unknown host name', async () => {
    const h = new ShellHarness();
    expect(await h.run('curl http://foo:2379/')).toMatchObject({ stderr: 'curl: (6) Could not resolve host: foo\n', code: 6 });
  });

  it('a partitioned host: --max-time, --connect-timeout, and the kernel giving up', async () => {
    const h = new ShellHarness();
    h.addHost('core-02', '172.17.8.102');
    etcd(h, 'core-02');
    h.world.net.partition([['core-01'], ['core-02']]);
    const m = await h.run('curl --max-time 2 http://172.17.8.102:2379/v2/keys/foo');
    expect(m).toMatchObject({ stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n', code: 28, elapsed: 2001 });
    const c = await h.run('curl --connect-timeout 1.5 http://172.17.8.102:2379/v2/keys/foo');
    expect(c).toMatchObject({ stderr: 'curl: (28) Connection timed out after 1501 milliseconds\n', code: 28 });
    const k = await h.run('curl http://172.17.8.102:2379/v2/keys/foo');
    expect(k).toMatchObject({ stderr: 'curl: (7) Failed to connect to 172.17.8.102 port 2379: Connection timed out\n', code: 7, elapsed: 127_000 });
  });

  it('-X naming the inferred method is noted with -v; -X HEAD is warned about', async () => {
    const h = new ShellHarness();
    etcd(h);
    const note = 'Note: Unnecessary use of -X or --request, GET is already inferred.\n';
    expect((await h.run('curl -v -X GET http://127.0.0.1:2379/v2/keys/foo')).stderr.startsWith(note + '*   Trying 127.0.0.1...\n')).toBe(true);
    expect((await h.run('curl -X GET http://127.0.0.1:2379/v2/keys/foo')).stderr).toBe('');
    expect((await h.run('curl -v -s -X post -d x http://127.0.0.1:2379/v2/keys/put')).stderr).not.toContain('Note:');
    expect((await h.run('curl -v -X post -d x http://127.0.0.1:2379/v2/keys/put')).stderr).toContain('Note: Unnecessary use of -X or --request, POST is already inferred.\n');
    expect((await h.run('curl -v -X PUT -d x http://127.0.0.1:2379/v2/keys/put')).stderr).not.toContain('Note:');
    const warn = 'Warning: Setting custom HTTP method to HEAD with -X/--request may not work the \nWarning: way you want. Consider using -I/--head instead.\n';
    // Not knowing it sent HEAD, curl waits for the Content-Length bytes no server sends.
    const r = await h.run('curl -s -i -m 1 -X HEAD http://127.0.0.1:2379/v2/keys/foo');
    expect(r).toMatchObject({ stderr: '', code: 28 });
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n.*Content-Length: 88\r\n\r\n$/s);
    expect((await h.run('curl -m 1 -X HEAD http://127.0.0.1:2379/v2/keys/foo')).stderr).toBe(
      warn + 'curl: (28) Operation timed out after 1001 milliseconds with 0 out of 88 bytes received\n',
    );
  });

  it('-I with -d asks for two request methods: a warning (none with -s), exit 2, nothing sent', async () => {
    const h = new ShellHarness();
    const seen = etcd(h);
    expect(await h.run('curl -I -d x http://127.0.0.1:2379/v2/keys/foo')).toMatchObject({ stdout: '', stderr: 'Warning: You can only select one HTTP request!\n', code: 2 });
    expect(await h.run('curl -s -d x -I http://127.0.0.1:2379/v2/keys/foo')).toMatchObject({ stdout: '', stderr: '', code: 2 });
    expect(seen).toHaveLength(0);
    // -G turns the data into a query: HEAD it is.
    expect((await h.run('curl -s -I -G -d x http://127.0.0.1:2379/v2/keys/foo')).code).toBe(0);
    expect([seen[0]!.method, seen[0]!.query]).toEqual(['HEAD', 'x']);
  });

  it('--max-time on a server that answers the head and then nothing', async () => {
    const h = new ShellHarness();
    etcd(h);
    const r = await h.run('curl -m 1 http://127.0.0.1:2379/hang');
    expect(r).toMatchObject({ stderr: 'curl: (28) Operation timed out after 1001 milliseconds with 0 bytes received\n', code: 28 });
  });

  it('bad command lines', async () => {
    const h = new ShellHarness();
    const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    expect(await h.run('curl')).toMatchObject({ stderr: 'curl: no URL specified!\n' + TRY, code: 2 });
    expect(await h.run('curl --bogus http://x/')).toMatchObject({ stderr: 'curl: option --bogus: is unknown\n' + TRY, code: 2 });
    expect(await h.run('curl http://x/ -X')).toMatchObject({ stderr: 'curl: option -X: requires parameter\n' + TRY, code: 2 });
    expect(await h.run('curl -m abc http://x/')).toMatchObject({ stderr: 'curl: option -m: expected a proper numerical parameter\n' + TRY, code: 2 });
    expect(await h.run('curl ftp://x/')).toMatchObject({ stderr: 'curl: (1) Protocol "ftp" not supported or disabled in libcurl\n', code: 1 });
    expect(await h.run('curl http://127.0.0.1:23x/')).toMatchObject({ stderr: "curl: (3) Port number ended with 'x'\n", code: 3 });
  });
});

describe('curl: streaming and Ctrl-C', () => {
  it('prints a watch event when it comes', async () => {
    const h = new ShellHarness();
    etcd(h);
    let at2s = '';
    const r = await h.run('curl -s "http://127.0.0.1:2379/v2/keys/watch?wait=true"', { at: [[2000, () => (at2s = h.live.stdout)]] });
    expect(at2s).toBe('');
    expect(r).toMatchObject({ stdout: BODY, code: 0 });
    expect(r.elapsed).toBeGreaterThanOrEqual(5000);
  });

  it('-i on a watch shows the head at once, chunked', async () => {
    const h = new ShellHarness();
    etcd(h);
    let at2s = '';
    await h.run('curl -i "http://127.0.0.1:2379/v2/keys/watch?wait=true"', { at: [[2000, () => (at2s = h.live.stdout)]] });
    expect(at2s).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Etcd-Cluster-Id: 7e27652122e8b2ae\r\nX-Etcd-Index: 4\r\nDate: Wed, 01 Jun 2016 09:00:00 GMT\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
  });

  it('a head the server flushed is chunked even when the body follows at once', async () => {
    const h = new ShellHarness();
    etcd(h);
    const r = await h.run('curl -i http://127.0.0.1:2379/v2/keys/flushed');
    expect(r.stdout).toBe(
      'HTTP/1.1 200 OK\r\n' + ETCD_HEADERS.map(([k, v]) => `${k}: ${v}\r\n`).join('') + 'Date: Wed, 01 Jun 2016 09:00:00 GMT\r\nTransfer-Encoding: chunked\r\n\r\n' + BODY,
    );
  });

  it('a head the server wrote itself is printed as it came', async () => {
    const h = new ShellHarness();
    etcd(h);
    expect(await h.run('curl -s -i http://127.0.0.1:2379/raw')).toMatchObject({ stdout: 'HTTP/1.1 400 Bad Request\r\n\r\n', code: 0 });
  });

  it('Ctrl-C ends it and closes the connection', async () => {
    const h = new ShellHarness();
    const seen = etcd(h);
    const r = await h.run('curl "http://127.0.0.1:2379/v2/keys/watch?wait=true"', { interruptAfterMs: 1000 });
    expect(r).toMatchObject({ stdout: '', code: 130, elapsed: 1000 });
    await h.run('sleep 1');
    expect(seen.some((s) => s.path === 'closed')).toBe(true);
  });

  it('into a pipe: the progress meter on stderr', async () => {
    const h = new ShellHarness();
    etcd(h);
    const r = await h.run('curl http://127.0.0.1:2379/v2/keys/foo | cat');
    expect(r.stdout).toBe(BODY);
    const lines = r.stderr.split('\r');
    expect(lines[0]).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n',
    );
    expect(lines[1]).toBe('  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0');
    const n = String(BODY.length).padStart(5);
    expect(lines[2]).toMatch(new RegExp(`^100 ${n}  100 ${n}    0     0 +[\\dkM.]+      0 --:--:-- --:--:-- --:--:-- +[\\dkM.]+\n$`));
  });

  it('the meter ends without a newline when the transfer fails', async () => {
    const h = new ShellHarness();
    const r = await h.run('curl -o x http://127.0.0.1:2379/');
    expect(r.stderr.endsWith('--:--:-- --:--:-- --:--:--     0curl: (7) Failed to connect to 127.0.0.1 port 2379: Connection refused\n')).toBe(true);
  });
});
