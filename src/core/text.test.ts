import { describe, expect, it } from 'vitest';
import { bigramKeys, bigrams, bigramSet, halfWidth, toSimplified, toTraditional } from './text.js';

const key = (s: string) => s.charCodeAt(0) * 65536 + (s.charCodeAt(1) || 0);

describe('one text module', () => {
  it('pairs characters inside a run only: no pair across a comma, a lone character stands alone', () => {
    expect(bigrams('工资，拖欠')).toEqual(['工资', '拖欠']);
    expect(bigrams('我 被辞退')).toEqual(['我', '被辞', '辞退']);
    expect(bigrams('第47条')).toEqual(['第4', '47', '7条']);
  });

  it('reads 〇 as a character of 二〇二〇年 and lets 𠮷 end a run, in every form alike', () => {
    expect(bigrams('二〇二〇年')).toEqual(['二〇', '〇二', '二〇', '〇年']);
    expect(bigrams('𠮷野家')).toEqual(['野家']);
    for (const s of ['二〇二〇年', '𠮷野家', '工资，拖欠', '我 被辞退。', 'ａ']) {
      expect(bigramKeys(s)).toEqual(bigrams(s).map(key));
      expect([...bigramSet(s)]).toEqual([...new Set(bigrams(s).filter((b) => b.length === 2))]);
    }
  });

  it('converts 繁体 and 简体 both ways and full-width to half-width', () => {
    expect(toSimplified('勞動合同法第四十七條')).toBe('劳动合同法第四十七条');
    expect(toSimplified('plain ascii')).toBe('plain ascii');
    expect(toTraditional('劳动合同法')).toBe('勞動合同法');
    expect(halfWidth('第４７條（ＡＢ）')).toBe('第47條(AB)');
  });
});
