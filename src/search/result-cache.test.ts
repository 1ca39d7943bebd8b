import { describe, expect, it } from 'vitest';
import { ResultCache } from './result-cache.js';

describe('ResultCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new ResultCache<{ n: number }>(2);
    c.set('a', [{ n: 1 }]);
    c.set('b', [{ n: 2 }]);
    expect(c.get('a')).toEqual([{ n: 1 }]); // a is now the most recent
    c.set('c', [{ n: 3 }]);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toEqual([{ n: 1 }]);
    expect(c.get('c')).toEqual([{ n: 3 }]);
    expect(c.size).toBe(2);
    expect([c.hits, c.misses]).toEqual([3, 1]);
  });

  it('keeps its own copies and can be switched off', () => {
    const c = new ResultCache<{ n: number }>(4);
    const v = [{ n: 1 }];
    c.set('a', v);
    v[0]!.n = 9;
    c.get('a')![0]!.n = 8;
    expect(c.get('a')).toEqual([{ n: 1 }]);
    c.clear();
    expect(c.get('a')).toBeUndefined();
    const off = new ResultCache<{ n: number }>(0);
    off.set('a', v);
    expect(off.size).toBe(0);
  });
});
