import { describe, it, expect } from 'vitest';
import { World } from '../../src/sim/world.ts';
import type { HttpHandler } from '../../src/sim/http.ts';

function world(handler: HttpHandler) {
  const w = new World({ seed: 1 });
  for (const h of ['client', 'server']) w.net.setUp(h, true);
  w.net.addAddress('10.0.0.2', 'server');
  w.http.listen('server', 80, handler);
  return w;
}

/** Runs one GET; returns what the client heard (with virtual times) and the response messages. */
function get(w: World) {
  const heard: string[] = [];
  w.http.request('client', { address: '10.0.0.2', port: 80 }, { method: 'GET', path: '/' }, {
    onHead: (status) => heard.push(`${w.now().toFixed(0)} head ${status}`),
    onData: (chunk) => heard.push(`${w.now().toFixed(0)} data ${chunk}`),
    onEnd: () => heard.push(`${w.now().toFixed(0)} end`),
  });
  while (w.clock.step());
  const kinds = w.trace
    .recent()
    .flatMap((e) => (e.type === 'msg.send' && e.from === 'server' ? [e.kind] : []));
  return { heard, kinds };
}

describe('HttpStack', () => {
  it('what a server writes at one instant travels as one message, as one TCP segment would', () => {
    const w = world((_req, res) => {
      res.writeHead(200, [['Content-Type', 'text/plain']]);
      res.write('hello ');
      res.end('world');
    });
    const { heard, kinds } = get(w);
    expect(kinds).toEqual(['http.resp']);
    expect(heard.map((h) => h.replace(/^\d+ /, ''))).toEqual(['head 200', 'data hello world', 'end']);
    // All parts arrive together.
    expect(new Set(heard.map((h) => h.split(' ')[0])).size).toBe(1);
  });

  it('a head written alone goes out at once; later writes follow in order', () => {
    const w = world((_req, res) => {
      res.writeHead(200, []);
      w.clock.schedule(() => res.write('event 1'), 1000);
      w.clock.schedule(() => res.end('event 2'), 2000);
    });
    const { heard, kinds } = get(w);
    expect(kinds).toEqual(['http.head', 'http.data', 'http.resp']);
    expect(heard.map((h) => h.replace(/^\d+ /, ''))).toEqual(['head 200', 'data event 1', 'data event 2', 'end']);
    const t = heard.map((h) => Number(h.split(' ')[0]));
    expect(t[0]).toBeLessThan(30);
    expect(t[1]).toBeGreaterThan(1000);
    expect(t[2]).toBeGreaterThan(2000);
  });

  it('nothing more is sent once the client has gone away', () => {
    let later: (() => void) | undefined;
    const w = world((req, res) => {
      res.writeHead(200, []);
      req.onClose(() => (later = () => res.end('too late')));
    });
    const conn = w.http.request('client', { address: '10.0.0.2', port: 80 }, { method: 'GET', path: '/' }, {});
    w.clock.schedule(() => conn.abort(), 100);
    while (w.clock.step());
    later?.();
    while (w.clock.step());
    const sent = w.trace.recent().flatMap((e) => (e.type === 'msg.send' && e.from === 'server' ? [e.kind] : []));
    expect(sent).toEqual(['http.head']);
  });

  describe('the serving process stops (its listener is closed)', () => {
    /** A server that answers nothing at once, or only its head; the listener's closer. */
    function stopping(headFirst: boolean) {
      const w = new World({ seed: 1 });
      for (const h of ['client', 'server']) w.net.setUp(h, true);
      w.net.addAddress('10.0.0.2', 'server');
      let closedSeen = false;
      const close = w.http.listen('server', 80, (req, res) => {
        req.onClose(() => (closedSeen = true));
        if (headFirst) res.writeHead(200, []);
      });
      const heard: string[] = [];
      w.http.request('client', { address: '10.0.0.2', port: 80 }, { method: 'GET', path: '/' }, {
        onHead: (status) => heard.push(`head ${status}`),
        onEnd: () => heard.push('end'),
        onServerClose: (gotHead) => heard.push(`closed by server, head ${gotHead}`),
      });
      w.clock.schedule(close, 100);
      return { w, heard, closedSeen: () => closedSeen };
    }

    it('its open exchanges are closed from the server side, after what it wrote', () => {
      const a = stopping(false);
      while (a.w.clock.step());
      expect(a.heard).toEqual(['closed by server, head false']);
      expect(a.closedSeen()).toBe(true);
      const b = stopping(true);
      while (b.w.clock.step());
      expect(b.heard).toEqual(['head 200', 'closed by server, head true']);
    });

    it('a host that crashed sends nothing: its clients hear nothing', () => {
      const a = stopping(true);
      a.w.clock.schedule(() => a.w.net.setUp('server', false), 50);
      while (a.w.clock.step());
      expect(a.heard).toEqual(['head 200']);
    });
  });
});
