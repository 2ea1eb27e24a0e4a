import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareIds, memberId, idString } from '../../src/etcd/identity.ts';

describe('etcd member identity', () => {
  it('etcd --name default with default flags has member ID ce2a822cea30bfca (reference A.5)', () => {
    expect(memberId(['http://localhost:2380', 'http://localhost:7001'], 'etcd-cluster')).toBe('ce2a822cea30bfca');
  });
  it('peer URL order does not change the ID', () => {
    expect(memberId(['http://localhost:7001', 'http://localhost:2380'], 'etcd-cluster')).toBe('ce2a822cea30bfca');
  });
  it('prints IDs as Go types.ID does, without leading zeros', () => {
    expect(idString('0a0b')).toBe('a0b');
  });
});

import { clusterId } from '../../src/etcd/identity.ts';
describe('etcd cluster identity', () => {
  it('a single default member forms cluster 7e27652122e8b2ae (reference A.5)', () => {
    expect(clusterId(['ce2a822cea30bfca'])).toBe('7e27652122e8b2ae');
  });
});

describe('compareIds', () => {
  it('orders hex IDs as the numbers they are (leading zeros and case aside)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.nat(3), fc.boolean(), (x, y, zeros, upper) => {
        const hex = (v: bigint) => '0'.repeat(zeros) + (upper ? v.toString(16).toUpperCase() : v.toString(16));
        expect(compareIds(hex(x), y.toString(16))).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
    );
    expect(['a', '10', '9', 'ff', '0f'].sort(compareIds)).toEqual(['9', 'a', '0f', '10', 'ff']);
  });
});
