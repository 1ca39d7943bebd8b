import { describe, expect, it } from 'vitest';
import { articleLabel, parseChineseNumber, toChineseNumber } from '../core/numerals.js';
import { classifyTopic, expandLayTerms, parseReferences, resolveLawName } from './query.js';
import { evaluate, goldKey, hitKey, scoreRanking } from './evaluate.js';

const laws = [
  '劳动合同法',
  '民法典',
  '道路交通安全法',
  '最高人民法院关于适用民法典有关担保制度的解释',
];
const resolver = { has: (l: string) => laws.includes(l), laws };

describe('article numbers', () => {
  it('parses Chinese and Arabic numbers and prints labels', () => {
    expect(parseChineseNumber('四十七')).toBe(47);
    expect(parseChineseNumber('一千零七十九')).toBe(1079);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('一百二十')).toBe(120);
    expect(parseChineseNumber('32')).toBe(32);
    expect(parseChineseNumber('abc')).toBeNull();
    expect(toChineseNumber(1079)).toBe('一千零七十九');
    expect(toChineseNumber(110)).toBe('一百一十');
    expect(articleLabel(47)).toBe('第四十七条');
    expect(articleLabel(133, 1)).toBe('第一百三十三条之一');
  });
});

describe('references', () => {
  it('finds law + article in several spellings', () => {
    expect(parseReferences('劳动合同法第47条怎么理解', resolver)).toEqual([
      { law: '劳动合同法', article: 47, articleSub: 0 },
    ]);
    expect(parseReferences('民法典第一千零七十九条', resolver)).toEqual([
      { law: '民法典', article: 1079, articleSub: 0 },
    ]);
    expect(parseReferences('《中华人民共和国劳动合同法》第四十六条、第四十七条', resolver)).toEqual(
      [
        { law: '劳动合同法', article: 46, articleSub: 0 },
        { law: '劳动合同法', article: 47, articleSub: 0 },
      ],
    );
  });

  it('maps old law names to their successor through the concordance, never guessing', () => {
    expect(parseReferences('婚姻法32条规定的离婚情形', resolver)).toEqual([
      { law: '民法典', article: 1079, articleSub: 0 },
    ]);
    expect(parseReferences('物权法第9条', resolver)).toEqual([]);
    expect(resolveLawName('道交法', resolver)).toEqual({ law: '道路交通安全法' });
    expect(parseReferences('第47条', resolver)).toEqual([]);
    expect(parseReferences('某某法第3条', resolver)).toEqual([]);
  });
});

describe('query understanding', () => {
  it('bridges lay words to statute words from the curated dictionary', () => {
    const t = expandLayTerms('老板不发工资怎么办');
    expect(t.has('用人单位')).toBe(true);
    expect(t.has('劳动报酬')).toBe(true);
    expect(t.has('拖欠')).toBe(true);
    expect(expandLayTerms('撞车了').has('交通事故')).toBe(true);
  });

  it('classifies questions into topics', () => {
    expect(classifyTopic('老公出轨了我想离婚，孩子抚养权归谁').topic).toBe('婚姻家庭');
    expect(classifyTopic('公司拖欠工资三个月，可以申请劳动仲裁吗').topic).toBe('劳动争议');
    expect(classifyTopic('骑电动车被机动车撞了，对方逃逸').topic).toBe('交通事故');
    expect(classifyTopic('朋友借钱不还，只有微信聊天记录').topic).toBe('民间借贷');
    expect(classifyTopic('今天天气很好').topic).toBe('其他');
    expect(classifyTopic('今天天气很好').confidence).toBe(0);
  });
});

describe('evaluation convention', () => {
  it('normalises law names and compares (law, article)', () => {
    expect(goldKey('中华人民共和国民法典第五十四条')).toBe('民法典#54');
    expect(goldKey('最高人民法院关于适用《民法典》有关担保制度的解释第二条')).toBe(
      hitKey('最高人民法院关于适用《民法典》有关担保制度的解释', 2),
    );
    expect(hitKey('公司法(2018-10-26)', 3)).toBe('公司法#3');
    const s = scoreRanking(['a#1', 'b#2', 'c#3'], new Set(['b#2', 'z#9']));
    expect(s.rr).toBe(0.5);
    expect(s.r5).toBe(0.5);
    const m = evaluate(
      new Map([['1', ['x#1']]]),
      new Map([
        ['1', new Set(['x#1'])],
        ['2', new Set(['y#1'])],
      ]),
    );
    expect(m.recall10).toBe(0.5);
    expect(m.mrr10).toBe(0.5);
  });
});
