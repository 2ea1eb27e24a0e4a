import { describe, it, expect } from 'vitest';
import { World } from '../../src/sim/world.ts';

function world(seed = 1) {
  const w = new World({ seed });
  for (const h of ['a', 'b', 'c']) w.net.setUp(h, true);
  return w;
}

describe('Network', () => {
  it('delivers after the link latency', () => {
    const w = world();
    const got: number[] = [];
    w.net.listen('b', 1, () => got.push(w.now()));
    w.net.send('a', 'b', 1, 'x', null);
    while (w.clock.step());
    expect(got).toHaveLength(1);
    expect(got[0]).toBeGreaterThanOrEqual(7);
    expect(got[0]).toBeLessThanOrEqual(13);
  });

  it('tells addresses from other names, and marks every change of the address table', () => {
    const w = world();
    const v0 = w.net.addressesVersion;
    w.net.addAddress('10.0.0.2', 'b');
    expect(w.net.isAddress('10.0.0.2')).toBe(true);
    expect(w.net.isAddress('b')).toBe(false);
    expect(w.net.isAddress('127.0.0.1')).toBe(false);
    expect(w.net.addressesVersion).not.toBe(v0);
    const v1 = w.net.addressesVersion;
    // The same address given to another host: what it resolved to before no longer holds.
    w.net.addAddress('10.0.0.2', 'c');
    expect(w.net.addressesVersion).not.toBe(v1);
    expect(w.net.resolve('10.0.0.2', 'a')).toBe('c');
  });

  it('a crashed host neither sends nor receives', () => {
    const w = world();
    let got = 0;
    w.net.listen('b', 1, () => got++);
    w.net.listen('a', 1, () => got++);
    w.net.setUp('a', false);
    expect(w.net.send('a', 'b', 1, 'x', null)).toBeUndefined();
    w.net.send('b', 'a', 1, 'x', null);
    while (w.clock.step());
    expect(got).toBe(0);
    expect(w.trace.recent().some((e) => e.type === 'msg.drop' && e.reason === 'down')).toBe(true);
  });

  it('partitioned hosts cannot talk; healing restores the link', () => {
    const w = world();
    let got = 0;
    w.net.listen('c', 1, () => got++);
    w.net.partition([['a', 'b'], ['c']]);
    w.net.send('a', 'c', 1, 'x', null);
    while (w.clock.step());
    expect(got).toBe(0);
    w.net.heal();
    w.net.send('a', 'c', 1, 'x', null);
    while (w.clock.step());
    expect(got).toBe(1);
  });

  it('loses unreliable messages at the configured rate, reliable ones never', () => {
    const w = world();
    let got = 0;
    w.net.listen('b', 1, () => got++);
    w.net.configure({ loss: 0.5 });
    for (let i = 0; i < 1000; i++) w.net.send('a', 'b', 1, 'x', null, { unreliable: true });
    while (w.clock.step());
    expect(got).toBeGreaterThan(400);
    expect(got).toBeLessThan(600);
    got = 0;
    for (let i = 0; i < 100; i++) w.net.send('a', 'b', 1, 'x', null);
    while (w.clock.step());
    expect(got).toBe(100);
  });

  it('same seed, same inputs: identical trace', () => {
    const run = (seed: number) => {
      const w = world(seed);
      w.trace.enableHash();
      w.net.listen('b', 1, (m) => w.net.send('b', 'a', 1, 'pong', m.payload, { unreliable: true }));
      w.net.configure({ loss: 0.2 });
      for (let i = 0; i < 200; i++) w.net.send('a', 'b', 1, 'ping', i, { unreliable: true });
      while (w.clock.step());
      return w.trace.digest();
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });
});
