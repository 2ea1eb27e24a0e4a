import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, ProgressStore, parseProgress, type KeyValueStorage } from '../../src/learn/progress.ts';

class MemStorage implements KeyValueStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('ProgressStore', () => {
  it('keeps progress per lesson across instances (a reload)', () => {
    const s = new MemStorage();
    const a = new ProgressStore(s);
    a.set('04-etcd-read-write', { step: 2, done: ['set-get', 'replicated'] });
    const b = new ProgressStore(s);
    expect(b.problem).toBeUndefined();
    expect(b.get('04-etcd-read-write')).toEqual({ step: 2, done: ['set-get', 'replicated'] });
    expect(JSON.parse(s.getItem(PROGRESS_KEY)!).version).toBe(1);
    b.reset('04-etcd-read-write');
    expect(new ProgressStore(s).get('04-etcd-read-write')).toBeUndefined();
  });

  it('reports and resets a corrupt or unknown-version entry instead of throwing', () => {
    for (const bad of ['{not json', '{"version":2,"lessons":{}}', '{"version":1,"lessons":{"x":{"step":-1,"done":[]}}}']) {
      const s = new MemStorage();
      s.setItem(PROGRESS_KEY, bad);
      const p = new ProgressStore(s);
      expect(p.problem).toMatch(/^Saved progress could not be read \(.+\); it was reset\.$/);
      expect(p.all()).toEqual({});
      expect(JSON.parse(s.getItem(PROGRESS_KEY)!)).toEqual({ version: 1, lessons: {} });
    }
  });

  it('exports to a file and imports it back; a bad file is refused and changes nothing', () => {
    const a = new ProgressStore(new MemStorage());
    a.set('04-etcd-read-write', { step: 1, done: ['set-get'] });
    const file = a.exportText();
    const b = new ProgressStore(new MemStorage());
    expect(b.importText(file)).toBeUndefined();
    expect(b.get('04-etcd-read-write')).toEqual({ step: 1, done: ['set-get'] });
    expect(b.importText('{"version":1}')).toBe('This file is not playground progress: no lessons.');
    expect(b.get('04-etcd-read-write')).toEqual({ step: 1, done: ['set-get'] });
  });

  it('works without storage, and when storage throws', () => {
    const p = new ProgressStore(undefined);
    p.set('a', { step: 0, done: [] });
    expect(p.get('a')).toEqual({ step: 0, done: [] });
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    const q = new ProgressStore(throwing);
    q.set('a', { step: 1, done: ['x'] });
    expect(q.get('a')).toEqual({ step: 1, done: ['x'] });
  });

  it('parseProgress validates entries', () => {
    expect(parseProgress('{"version":1,"lessons":{"a":{"step":0,"done":["x",1]}}}')).toBe('bad entry for a');
    expect(parseProgress('[]')).toBe('unknown version undefined (expected 1)');
  });
});
