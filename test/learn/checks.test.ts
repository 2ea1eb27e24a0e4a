import { describe, expect, it } from 'vitest';
import { parseEtcdctl, sameKey, words } from '../../src/learn/checks.ts';

describe('check helpers', () => {
  it('splits words with quotes', () => {
    expect(words(`etcdctl set /m "hello world" --ttl 10`)).toEqual(['etcdctl', 'set', '/m', 'hello world', '--ttl', '10']);
  });

  it('parses etcdctl lines, skipping global flags and their values', () => {
    expect(parseEtcdctl('etcdctl --peers http://127.0.0.1:2379 set /a b --ttl 5')).toEqual({ sub: 'set', args: ['/a', 'b', '5'], flags: ['--ttl'] });
    expect(parseEtcdctl('sudo etcdctl -C x watch /k')).toEqual({ sub: 'watch', args: ['/k'], flags: [] });
    expect(parseEtcdctl('curl http://x')).toBeUndefined();
    expect(parseEtcdctl('etcdctl')).toBeUndefined();
  });

  it('compares keys as etcd cleans them', () => {
    expect(sameKey('message', '/message')).toBe(true);
    expect(sameKey('/a//b/', '/a/b')).toBe(true);
    expect(sameKey('/a', '/b')).toBe(false);
    expect(sameKey(undefined, '/b')).toBe(false);
  });
});
