import { describe, it, expect } from 'vitest';
import { goWireHeaders, sniff, statusLine } from '../../src/sim/go-wire.ts';

const DATE = 'Wed, 01 Jun 2016 09:00:00 GMT';

describe("Go net/http's response head on the wire", () => {
  it('sorts the handler headers, then Date and Content-Length', () => {
    expect(goWireHeaders({ status: 200, headers: [['X-Etcd-Index', '4'], ['Content-Type', 'application/json']], method: 'GET', body: '{}\n', complete: true, date: DATE })).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Etcd-Index', '4'],
      ['Date', DATE],
      ['Content-Length', '3'],
    ]);
  });

  it('a streamed body is chunked; no type set means a sniffed one', () => {
    expect(goWireHeaders({ status: 200, headers: [], method: 'GET', body: '', complete: false, date: DATE })).toEqual([
      ['Date', DATE],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Transfer-Encoding', 'chunked'],
    ]);
  });

  it('a finished body over 2048 bytes (bufferBeforeChunkingSize) went out chunked', () => {
    const head = (body: string) => goWireHeaders({ status: 200, headers: [['Content-Type', 'application/json']], method: 'GET', body, complete: true, date: DATE });
    expect(head('x'.repeat(2048))).toEqual([
      ['Content-Type', 'application/json'],
      ['Date', DATE],
      ['Content-Length', '2048'],
    ]);
    expect(head('x'.repeat(2049))).toEqual([
      ['Content-Type', 'application/json'],
      ['Date', DATE],
      ['Transfer-Encoding', 'chunked'],
    ]);
    // Counted in bytes, not UTF-16 units.
    expect(head('é'.repeat(1025))).toEqual(head('x'.repeat(2049)));
  });

  it('204 and HEAD get neither length nor type', () => {
    expect(goWireHeaders({ status: 204, headers: [], method: 'DELETE', body: '', complete: true, date: DATE })).toEqual([['Date', DATE]]);
    expect(goWireHeaders({ status: 200, headers: [['Content-Type', 'application/json']], method: 'HEAD', body: '', complete: true, date: DATE })).toEqual([
      ['Content-Type', 'application/json'],
      ['Date', DATE],
    ]);
  });

  it('an empty finished body has Content-Length: 0', () => {
    expect(goWireHeaders({ status: 400, headers: [], method: 'GET', body: '', complete: true, date: DATE })).toEqual([
      ['Date', DATE],
      ['Content-Length', '0'],
      ['Content-Type', 'text/plain; charset=utf-8'],
    ]);
  });

  it('status lines and sniffing', () => {
    expect(statusLine(404, 'Not Found')).toBe('HTTP/1.1 404 Not Found');
    expect(statusLine(299, undefined)).toBe('HTTP/1.1 299 status code 299');
    expect(sniff('<a href="x">Moved</a>')).toBe('text/html; charset=utf-8');
  });
});
