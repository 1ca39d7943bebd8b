import { describe, expect, it } from 'vitest';
import { keySentence } from './compose.js';
import { legalAidGrounds, nextStepTemplates } from './guidance.js';
import { isFollowUp } from './service.js';

const ART_85 =
  '用人单位有下列情形之一的，由劳动行政部门责令限期支付劳动报酬、加班费或者经济补偿；劳动报酬低于当地最低工资标准的，应当支付其差额部分；逾期不支付的，责令用人单位按应付金额百分之五十以上百分之一百以下的标准向劳动者加付赔偿金：\n（一）未按照劳动合同的约定或者国家规定及时足额支付劳动者劳动报酬的；\n（二）低于当地最低工资标准支付劳动者工资的；\n（三）安排加班不支付加班费的；';

describe('the conclusion sentence', () => {
  it('takes the sentence of the article that best matches the question, with its lead for an item', () => {
    const s = keySentence(ART_85, '老板安排加班不支付加班费怎么办');
    expect(s).toContain('安排加班不支付加班费');
    expect(s.startsWith('用人单位有下列情形之一的')).toBe(true);
  });
  it('falls back to the lead sentence and never runs on past 160 characters', () => {
    const s = keySentence(ART_85, '完全无关的内容');
    expect(s.startsWith('用人单位有下列情形之一的')).toBe(true);
    expect([...s].length).toBeLessThanOrEqual(160);
  });
});

describe('guidance data', () => {
  it('has next steps for every topic, with statute bases as data', () => {
    expect(nextStepTemplates('劳动争议').some((s) => s.basis?.law === '劳动争议调解仲裁法')).toBe(
      true,
    );
    expect(nextStepTemplates('其他').length).toBeGreaterThan(0);
  });
  it('finds 法律援助法 Art. 31/32 grounds by keyword or topic, and none for company registration', () => {
    expect(legalAidGrounds('老板拖欠工资三个月', '劳动争议').map((g) => g.item)).toEqual(['五']);
    expect(legalAidGrounds('丈夫经常家暴我', '婚姻家庭')[0]?.article).toBe(32);
    expect(legalAidGrounds('我的车被追尾了', '交通事故')[0]?.item).toBe('七');
    expect(legalAidGrounds('注册一家有限责任公司需要什么手续', '公司')).toEqual([]);
  });
});

describe('follow-up questions', () => {
  it('treats short or back-pointing questions as follow-ups', () => {
    expect(isFollowUp('那加班费呢？')).toBe(true);
    expect(isFollowUp('如果公司不承认劳动关系，我应该准备哪些证据？')).toBe(true);
    expect(isFollowUp('离婚时夫妻共同财产一般怎么分割，房子写的是男方名字')).toBe(false);
  });
});
