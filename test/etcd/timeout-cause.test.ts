import { describe, expect, it } from 'vitest';
import { proposeTimeoutCause, type TimeoutContext } from '../../src/etcd/timeout-cause.ts';

// etcdserver/server.go parseProposeCtxErr (etcd 2.3.7), election timeout 1000 ms.
const base: TimeoutContext = {
  start: 10_000,
  leadElectedAt: undefined,
  electionMs: 1000,
  lead: 'b',
  self: 'a',
  members: ['a', 'b', 'c'],
  activeSince: () => 0,
};

describe('proposeTimeoutCause', () => {
  it('previous leader failure: the current leader was elected within 2 election timeouts after the request started', () => {
    expect(proposeTimeoutCause({ ...base, leadElectedAt: 11_500 })).toBe('timeout-leader-fail');
    expect(proposeTimeoutCause({ ...base, leadElectedAt: 11_999 })).toBe('timeout-leader-fail');
    // Both bounds strict (start.After(prevLeadLost) && start.Before(curLeadElected)).
    expect(proposeTimeoutCause({ ...base, leadElectedAt: 12_000 })).toBe('timeout');
    expect(proposeTimeoutCause({ ...base, leadElectedAt: 10_000 })).toBe('timeout');
    expect(proposeTimeoutCause({ ...base, leadElectedAt: 9000 })).toBe('timeout');
    // It wins over the leader's state: with no leader now, still leader failure.
    expect(proposeTimeoutCause({ ...base, leadElectedAt: 11_000, lead: undefined })).toBe('timeout-leader-fail');
  });

  it('no leader: the plain text', () => {
    expect(proposeTimeoutCause({ ...base, lead: undefined, activeSince: () => undefined })).toBe('timeout');
  });

  it('a follower: connection lost unless its link to the leader was active since before the request', () => {
    expect(proposeTimeoutCause({ ...base, activeSince: (id) => (id === 'b' ? 9999 : 0) })).toBe('timeout');
    expect(proposeTimeoutCause({ ...base, activeSince: (id) => (id === 'b' ? 10_000 : 0) })).toBe('timeout-connection-lost');
    expect(proposeTimeoutCause({ ...base, activeSince: (id) => (id === 'b' ? undefined : 0) })).toBe('timeout-connection-lost');
  });

  it('the leader: connection lost unless (members + 1) / 2 of them, itself included, were connected since the request', () => {
    const leader = { ...base, lead: 'a' };
    expect(proposeTimeoutCause({ ...leader, activeSince: (id) => (id === 'b' ? 0 : undefined) })).toBe('timeout');
    expect(proposeTimeoutCause({ ...leader, activeSince: () => undefined })).toBe('timeout-connection-lost');
    expect(proposeTimeoutCause({ ...leader, activeSince: () => 10_500 })).toBe('timeout-connection-lost');
    // Go's integer (len+1)/2: 2 of 4 is enough.
    const four = { ...leader, members: ['a', 'b', 'c', 'd'] };
    expect(proposeTimeoutCause({ ...four, activeSince: (id) => (id === 'b' ? 0 : undefined) })).toBe('timeout');
  });
});
