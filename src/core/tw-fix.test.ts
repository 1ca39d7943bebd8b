/** @module 简→繁 of legal terms against a list of known pitfalls of the converter (opencc-js cn→tw plus tw-overrides.json). */
import { describe, expect, it } from 'vitest';
import { converterFor } from '../laws/locale.js';
import { toTraditional } from '../qa/locale.js';
import { fixTraditional } from './tw-fix.js';

/** 简体 → the 繁体 a reader of a statute expects. The first entries failed before the overrides. */
const PITFALLS: [string, string][] = [
  ['未签书面劳动合同', '未簽書面勞動合同'],
  ['已签字', '已簽字'],
  ['调解无效的，应当准予离婚', '調解無效的，應當准予離婚'],
  ['经调解无效，不准离婚', '經調解無效，不准離婚'],
  ['判决不准离婚后', '判決不准離婚後'],
  ['核验码', '核驗碼'],
  ['数额计算不准确', '數額計算不準確'],
  ['未准时到庭', '未準時到庭'],
  ['准备材料', '準備材料'],
  ['标准', '標準'],
  ['抽签', '抽籤'],
  ['标签', '標籤'],
  ['签订劳动合同', '簽訂勞動合同'],
  ['第一千零七十九条', '第一千零七十九條'],
  ['抚养费', '撫養費'],
  ['若干问题的解释', '若干問題的解釋'],
  ['干涉婚姻自由', '干涉婚姻自由'],
  ['头发', '頭髮'],
  ['发生', '發生'],
  ['其余', '其餘'],
  ['法律援助', '法律援助'],
  ['丧葬费', '喪葬費'],
];

describe('简→繁 of legal terms', () => {
  it.each(PITFALLS)('%s → %s (laws and letters)', (cn, tw) => {
    expect(converterFor('zh-TW')(cn)).toBe(tw);
  });

  it('the Q&A converter applies the same corrections', () => {
    for (const [cn, tw] of PITFALLS) expect(toTraditional(cn)).toBe(tw);
  });

  it('keeps a phrase on the keep list and corrects the key elsewhere in the same text', () => {
    expect(fixTraditional('不準確；不準離婚；未籤')).toBe('不準確；不准離婚；未簽');
  });
});
