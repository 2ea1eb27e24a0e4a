import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../src/ui/lib/router.svelte.ts';

describe('lesson routes', () => {
  it('names a lesson and a step (1-based in the URL)', () => {
    expect(parseRoute('#/lessons/04-etcd-read-write/3')).toEqual({ kind: 'lesson', slug: '04-etcd-read-write', step: 2 });
    expect(parseRoute('#/lessons/04-etcd-read-write')).toEqual({ kind: 'lesson', slug: '04-etcd-read-write' });
    expect(parseRoute('#/lessons/04-etcd-read-write/0')).toEqual({ kind: 'lesson', slug: '04-etcd-read-write' });
    expect(parseRoute('#/lessons')).toEqual({ kind: 'index' });
    expect(parseRoute('#/lessons/')).toEqual({ kind: 'index' });
    expect(parseRoute('')).toEqual({ kind: 'sandbox' });
    expect(parseRoute('#/')).toEqual({ kind: 'sandbox' });
    expect(parseRoute('#/elsewhere')).toEqual({ kind: 'sandbox' });
  });

  it('formats back to the same hash', () => {
    for (const h of ['#/lessons/04-etcd-read-write/3', '#/lessons/04-etcd-read-write', '#/lessons', '#/']) expect(formatRoute(parseRoute(h))).toBe(h);
  });
});
