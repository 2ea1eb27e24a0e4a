import { describe, it, expect } from 'vitest';
import { substitute } from '../../src/cloudconfig/substitute.ts';

describe('substitute', () => {
  const ips = { public_ipv4: '172.17.8.101', private_ipv4: '172.17.8.101' };
  it('replaces $public_ipv4 / $private_ipv4', () => {
    expect(substitute('advertise-client-urls: http://$public_ipv4:2379\n', ips)).toBe('advertise-client-urls: http://172.17.8.101:2379\n');
    expect(substitute('$private_ipv4:7001', { private_ipv4: '10.0.0.5' })).toBe('10.0.0.5:7001');
  });
  it('keeps \\$private_ipv4 as a literal $private_ipv4', () => {
    expect(substitute('echo \\$private_ipv4', ips)).toBe('echo $private_ipv4');
  });
  it('missing values become empty, other $words stay', () => {
    expect(substitute('a=$public_ipv6 b=$HOME', {})).toBe('a= b=$HOME');
  });
});
