import { describe, it, expect } from 'vitest';
import { clean, cleanKey, join, split } from '../../../src/etcd/keyspace/paths.ts';

describe('Go path functions', () => {
  it('Clean', () => {
    expect(clean('')).toBe('.');
    expect(clean('/')).toBe('/');
    expect(clean('/a//b/./c/')).toBe('/a/b/c');
    expect(clean('/a/../../b')).toBe('/b');
    expect(clean('a/../..')).toBe('..');
    expect(clean('a/b/..')).toBe('a');
  });
  it('Join skips empty elements', () => {
    expect(join('/1', '')).toBe('/1');
    expect(join('/1', '/foo/')).toBe('/1/foo');
    expect(join('/1', '/../0/x')).toBe('/0/x');
    expect(join('', '')).toBe('');
  });
  it('Split', () => {
    expect(split('/1/a/b')).toEqual(['/1/a/', 'b']);
    expect(split('/')).toEqual(['/', '']);
  });
  it('cleanKey roots and cleans', () => {
    expect(cleanKey('')).toBe('/');
    expect(cleanKey('foo//bar/')).toBe('/foo/bar');
  });
});
