import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, bigramKeys, bigrams, toSimplified, words } from './tokenizer.js';
import { bigramKey } from './inverted-index.js';
import { buildUserDict } from './userdict.js';
import type { SearchDoc } from './corpus-index.js';

const LABOUR = readFileSync(
  path.resolve('../shared/laws/社会法/劳动合同法(2012-12-28).md'),
  'utf8',
);
const art47 = LABOUR.split('\n').find((l) => l.startsWith('第四十七条 '))!;

describe('tokenizer on real statute text', () => {
  it('keeps legal words whole and drops punctuation', () => {
    const w = words(art47);
    expect(art47).toContain('经济补偿');
    expect(w).toContain('经济补偿');
    expect(w).toContain('劳动者');
    expect(w).toContain('工资');
    expect(w.some((x) => /[，。；]/.test(x))).toBe(false);
  });

  it('drops stopwords from lay questions', () => {
    const w = words('请问公司辞退我怎么办？');
    expect(w).toContain('辞退');
    expect(w).not.toContain('怎么办');
    expect(w).not.toContain('请问');
  });

  it('converts 繁体 to 简体 before tokenizing', () => {
    expect(toSimplified('離婚後孩子撫養權歸誰')).toBe('离婚后孩子抚养权归谁');
    expect(analyze('勞動合同解除').words).toContain('劳动合同');
    expect(toSimplified('ＡＢＣ１２３')).toBe('ABC123');
  });

  it('makes character bigrams per run, as strings and as numeric keys', () => {
    expect(bigrams('劳动合同，解除')).toEqual(['劳动', '动合', '合同', '解除']);
    expect(bigramKeys('劳动合同，解除')).toEqual(['劳动', '动合', '合同', '解除'].map(bigramKey));
    expect(bigrams('甲，乙方')).toEqual(['甲', '乙方']);
  });

  it('builds a user dictionary from law names and recurring heading words', () => {
    const doc = (lawKey: string, heading: string): SearchDoc => ({
      id: 1,
      lawKey,
      lawName: lawKey,
      lawTitle: lawKey,
      level: '法律',
      num: 1,
      sub: 0,
      label: '第一条',
      heading,
      text: '',
      version: null,
      status: 'in_force',
      isCurrent: true,
    });
    const dict = buildUserDict([
      doc('劳动合同法', '第四章 劳动合同的解除和终止'),
      doc('劳动法', '第三章 劳动合同的解除'),
      doc('公司法', '第二章 劳动合同与集体合同'),
      doc('最高人民法院关于审理民间借贷案件适用法律若干问题的规定', '一、一般规定'),
    ]);
    expect(dict).toContain('劳动合同法 20000 n');
    expect(dict).toContain('劳动合同 20000 n');
    expect(dict).not.toContain('最高人民法院关于');
  });
});
