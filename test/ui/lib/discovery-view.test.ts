import { describe, it, expect } from 'vitest';
import { pickToken, registrySummary, shortToken, slotsOf } from '../../../src/ui/lib/discovery-view.ts';
import { discoveryUrlIn, tokenProblem } from '../../../src/ui/lib/discovery-token.ts';
import type { DiscoveryView } from '../../../src/snapshot.ts';

const T1 = '6a28e078895c5ec737174db2419bb2f3';
const T2 = 'b5b0a7c3f1f0e4d2a9c8b7a6f5e4d3c2';
const view = (token: string, size: number | undefined, names: string[]): DiscoveryView => ({
  token,
  url: `https://discovery.etcd.io/${token}`,
  size,
  registered: names.map((n, i) => ({ id: `${i + 1}`.padStart(16, '0'), name: n, peerURLs: `http://172.17.8.10${i + 1}:2380` })),
});

const USER_DATA = `#cloud-config

coreos:
  etcd2:
    # generate a new token for each unique cluster from https://discovery.etcd.io/new?size=3
    discovery: https://discovery.etcd.io/${T1}
    advertise-client-urls: http://$public_ipv4:2379
`;

describe('discovery registry view', () => {
  it('shows registered members then empty slots up to the size', () => {
    const v = view(T1, 3, ['core-01', 'core-02']);
    expect(slotsOf(v).map((s) => s.name)).toEqual(['core-01', 'core-02', undefined]);
    expect(registrySummary(v)).toBe('2 of 3 registered: core-01, core-02');
    expect(shortToken(v)).toBe('6a28…b2f3');
  });

  it('picks the token the cluster booted from, else the newest one in use', () => {
    const views = [view(T1, 3, ['core-01']), view(T2, 3, [])];
    expect(pickToken(views, `https://discovery.etcd.io/${T2}`)?.token).toBe(T2);
    expect(pickToken(views, undefined)?.token).toBe(T1);
    expect(pickToken([], undefined)).toBeUndefined();
  });

  it('reads the discovery URL from a cloud-config, and warns when a new cluster would reuse a used token', () => {
    expect(discoveryUrlIn(USER_DATA)).toBe(`https://discovery.etcd.io/${T1}`);
    expect(discoveryUrlIn('#cloud-config\nhostname: x\n')).toBeUndefined();
    expect(tokenProblem(USER_DATA, [view(T1, 3, ['core-01', 'core-02', 'core-03'])])).toMatch(/already used: 3 of 3 members registered \(core-01, core-02, core-03\)/);
    expect(tokenProblem(USER_DATA, [view(T1, 3, [])])).toBeUndefined();
    expect(tokenProblem(USER_DATA, [view(T2, 3, ['core-01'])])).toBeUndefined();
  });
});
