import { describe, expect, it } from 'vitest';
import { World } from '../../src/sim/world.ts';
import { PeerLinks } from '../../src/etcd/peer-links.ts';

/** Member a's view of b and c; both listen on their peer port 2380. */
function setup() {
  const w = new World({ seed: 1 });
  for (const h of ['a', 'b', 'c']) w.net.setUp(h, true);
  for (const h of ['b', 'c']) w.net.listen(h, 2380, () => {});
  const links = new PeerLinks(w.clock, w.net, 'a', () => [
    { id: 'B', addr: { host: 'b', port: 2380 } },
    { id: 'C', addr: { host: 'c', port: 2380 } },
  ]);
  const until = (t: number) => {
    while (w.clock.step(t));
    w.clock.jumpTo(t);
  };
  return { w, links, until };
}

describe('PeerLinks (rafthttp peer status)', () => {
  it('links to reachable peers are active from the start, with no raft traffic at all', () => {
    const { links, until } = setup();
    until(1000);
    links.start();
    until(20_000);
    expect([links.activeSince('B'), links.activeSince('C')]).toEqual([1000, 1000]);
  });

  it('a stopped etcd ends its stream at once; it comes back active since the redial', () => {
    const { w, links, until } = setup();
    links.start();
    until(2000);
    w.net.unlisten('b', 2380);
    until(2600);
    expect(links.activeSince('B')).toBeUndefined();
    w.net.listen('b', 2380, () => {});
    until(4000);
    expect(links.activeSince('B')).toBeGreaterThan(2600);
    expect(links.activeSince('C')).toBe(0);
  });

  it('a peer cut off (or crashed) goes inactive only once the 5 s read timeout passes; a shorter cut is not seen', () => {
    const { w, links, until } = setup();
    links.start();
    until(1000);
    w.net.partition([['a'], ['b', 'c']]);
    until(4000);
    w.net.heal();
    until(10_000);
    expect(links.activeSince('B')).toBe(0);
    w.net.setUp('c', false);
    until(14_000);
    expect(links.activeSince('C')).toBe(0);
    until(17_000);
    expect(links.activeSince('C')).toBeUndefined();
  });
});
