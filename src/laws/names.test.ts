/** @module Numerals, article references and law keys, including every statute name in the STARD dataset. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedLawsDir } from '../test/laws-fixture.js';
import { articleLabel, parseChineseNumber } from '../core/numerals.js';
import { normalizeLawName, parseArticleRef } from './names.js';
import { buildUnits, listCorpusFiles } from './units.js';

describe('numerals and labels', () => {
  it('reads and writes article numbers as printed', () => {
    expect(parseChineseNumber('四十七')).toBe(47);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('一千二百六十')).toBe(1260);
    expect(parseChineseNumber('一千零一')).toBe(1001);
    for (const n of [1, 10, 11, 20, 47, 100, 105, 110, 120, 1000, 1001, 1010, 1260]) {
      expect(parseChineseNumber(articleLabel(n).slice(1, -1))).toBe(n);
    }
    expect(articleLabel(120, 1)).toBe('第一百二十条之一');
    expect(articleLabel(10)).toBe('第十条');
    expect(articleLabel(110)).toBe('第一百一十条');
  });

  it('parses the article forms a permalink may carry', () => {
    expect(parseArticleRef('47')).toEqual({ num: 47, sub: 0 });
    expect(parseArticleRef('120-1')).toEqual({ num: 120, sub: 1 });
    expect(parseArticleRef('第四十七条')).toEqual({ num: 47, sub: 0 });
    expect(parseArticleRef('第47条')).toEqual({ num: 47, sub: 0 });
    expect(parseArticleRef('第一百二十条之一')).toEqual({ num: 120, sub: 1 });
    expect(parseArticleRef('abc')).toBeNull();
    expect(parseArticleRef('0')).toBeNull();
  });
});

describe('normalizeLawName', () => {
  it('strips the state prefix, book-title marks and version suffixes', () => {
    expect(normalizeLawName('中华人民共和国劳动合同法')).toBe('劳动合同法');
    expect(normalizeLawName('《中华人民共和国民法典》')).toBe('民法典');
    expect(normalizeLawName('劳动合同法(2012-12-28)')).toBe('劳动合同法');
    expect(normalizeLawName('中华人民共和国刑法（2020年修正）')).toBe('刑法');
    expect(normalizeLawName('最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释')).toBe(
      '最高人民法院关于适用民法典有关担保制度的解释',
    );
    // Each 宪法修正案 is its own document: its year stays.
    expect(normalizeLawName('宪法修正案（2018年）')).toBe('宪法修正案（2018年）');
  });

  it('maps every statute named in the STARD dataset onto a law key of the corpus', () => {
    const dir = sharedLawsDir();
    const keys = new Set(buildUnits(dir, listCorpusFiles(dir), null).units.map((u) => u.lawKey));
    const file = path.resolve(dir, '../datasets/stard-train/queries.jsonl');
    const unmatched = new Set<string>();
    let total = 0;
    for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
      for (const gold of (JSON.parse(line) as { gold: string[] }).gold) {
        total++;
        const m = /^(.*?)第[零〇一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?$/.exec(
          gold,
        );
        const key = normalizeLawName(m?.[1] ?? gold);
        if (!keys.has(key)) unmatched.add(key);
      }
    }
    expect(total).toBeGreaterThan(2000);
    expect([...unmatched]).toEqual([]);
  });
});
