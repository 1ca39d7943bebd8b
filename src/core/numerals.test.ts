import { describe, expect, it } from 'vitest';
import { articleLabel, parseChineseNumber, toChineseNumber } from './numerals.js';

describe('Chinese article numbers', () => {
  it('parses the forms statutes and people write', () => {
    expect(parseChineseNumber('四十七')).toBe(47);
    expect(parseChineseNumber('一千零七十九')).toBe(1079);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('一百一十')).toBe(110);
    expect(parseChineseNumber('二百零三')).toBe(203);
    expect(parseChineseNumber('32')).toBe(32);
    expect(parseChineseNumber('三十二条')).toBeNull();
  });
  it('prints labels exactly as the statute text does and round-trips', () => {
    expect(articleLabel(47)).toBe('第四十七条');
    expect(articleLabel(1079)).toBe('第一千零七十九条');
    expect(articleLabel(10)).toBe('第十条');
    expect(articleLabel(110)).toBe('第一百一十条');
    expect(articleLabel(1000)).toBe('第一千条');
    expect(articleLabel(120, 1)).toBe('第一百二十条之一');
    for (let n = 1; n <= 1260; n++) expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
  });
});

describe('the forms other statutes and people write', () => {
  it('reads a bare 十 after 百/千 and 零 placeholders', () => {
    expect(parseChineseNumber('一百十')).toBe(110);
    expect(parseChineseNumber('一千零十')).toBe(1010);
    expect(parseChineseNumber('一千零一')).toBe(1001);
    expect(parseChineseNumber(' 47 ')).toBe(47);
    expect(parseChineseNumber('')).toBeNull();
  });
});

describe('numbers as people and language models write them', () => {
  it('reads full-width digits, digits by position, digits with units and inner spaces', () => {
    expect(parseChineseNumber('４７')).toBe(47);
    expect(parseChineseNumber('四七')).toBe(47);
    expect(parseChineseNumber('一〇七九')).toBe(1079);
    expect(parseChineseNumber('4十7')).toBe(47);
    expect(parseChineseNumber('1千零79')).toBeNull();
    expect(parseChineseNumber(' 四十七 ')).toBe(47);
    expect(parseChineseNumber('四 十 七')).toBe(47);
  });

  it('refuses a garbled number instead of reading it as another one', () => {
    expect(parseChineseNumber('四七十')).toBeNull();
    expect(parseChineseNumber('一百二三')).toBeNull();
    expect(parseChineseNumber('47十')).toBeNull();
    expect(parseChineseNumber('零')).toBe(0);
  });
});
