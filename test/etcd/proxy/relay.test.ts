import { describe, it, expect } from 'vitest';
import { ResponseRelay } from '../../../src/etcd/proxy/relay.ts';
import { WorldClock } from '../../../src/sim/clock.ts';
import { FakeResponse } from '../v2keys/fake-keys-server.ts';

const JSON_HEADERS: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['X-Etcd-Index', '8'],
];
const keys = (r: FakeResponse) => r.headers.map(([k]) => k);

function relay(method = 'GET') {
  const clock = new WorldClock();
  const res = new FakeResponse();
  return { clock, res, r: new ResponseRelay(res, method, clock) };
}

describe("the etcd proxy's relay (proxy/reverse.go over Go 1.6's net/http)", () => {
  it("a member's finished answer: its wire headers, Date and Content-Length too, sorted", () => {
    const { res, r } = relay();
    r.onHead(200, JSON_HEADERS, 'buffered');
    r.onData('{}\n');
    r.onEnd();
    expect(keys(res)).toEqual(['Content-Length', 'Content-Type', 'Date', 'X-Etcd-Index']);
    expect([res.header('Content-Length'), res.body, res.ended]).toEqual(['3', '{}\n', true]);
  });

  it('a streamed answer: no head until it ends, then the Content-Length the proxy knows', () => {
    const { clock, res, r } = relay();
    r.onHead(200, JSON_HEADERS, 'flushed');
    clock.step();
    expect(res.headWrites).toBe(0);
    r.onData('{"action":"set"}\n');
    expect(res.headWrites).toBe(0);
    r.onEnd();
    expect(keys(res)).toEqual(['Content-Type', 'Date', 'X-Etcd-Index', 'Content-Length']);
  });

  it('a streamed answer past 2048 bytes goes out chunked', () => {
    const { clock, res, r } = relay();
    r.onHead(200, JSON_HEADERS, 'flushed');
    clock.step();
    r.onData('x'.repeat(2049));
    expect(keys(res)).toEqual(['Content-Type', 'Date', 'X-Etcd-Index', 'Transfer-Encoding']);
    r.onData('y');
    expect(res.body).toBe('x'.repeat(2049) + 'y');
  });

  it("HEAD: the member's length, no body", () => {
    const { res, r } = relay('HEAD');
    r.onHead(200, JSON_HEADERS, 'buffered');
    r.onData('{}\n');
    r.onEnd();
    expect([res.header('Content-Length'), res.body]).toEqual(['3', '']);
  });
});
