import { describe, it, expect } from 'vitest';
import { memberId, idString } from '../../src/etcd/identity.ts';

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
