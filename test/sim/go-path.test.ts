import { describe, it, expect } from 'vitest';
import { clean, dir, join, split } from '../../src/sim/go-path.ts';
import { cleanKey } from '../../src/etcd/keyspace/paths.ts';

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

describe('path.Dir', () => {
  it('drops the last element and cleans (Go documentation examples)', () => {
    expect(dir('/a/b/c')).toBe('/a/b');
    expect(dir('a/b/c')).toBe('a/b');
    expect(dir('/a/')).toBe('/a');
    expect(dir('a/')).toBe('a');
    expect(dir('/')).toBe('/');
    expect(dir('')).toBe('.');
  });
});
