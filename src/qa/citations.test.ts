import { describe, expect, it } from 'vitest';
import { findCitations, replaceSpans } from './citations.js';

describe('finding citations in text', () => {
  it('reads bracketed, 本法, unbracketed and joined forms with their spans', () => {
    const text =
      '根据《中华人民共和国劳动合同法》第四十六条、第四十七条，用人单位应支付经济补偿；本法第八十七条规定了赔偿金。另见民法典第1079条第二款。';
    const c = findCitations(text, ['民法典', '劳动合同法']);
    expect(c.map((x) => [x.lawName, x.article])).toEqual([
      ['中华人民共和国劳动合同法', 46],
      ['中华人民共和国劳动合同法', 47],
      ['中华人民共和国劳动合同法', 87],
      ['民法典', 1079],
    ]);
    expect(c[0]!.raw).toBe('《中华人民共和国劳动合同法》第四十六条');
    expect(c[1]!.raw).toBe('第四十七条');
    expect(c[2]!.raw).toBe('本法第八十七条');
    expect(c[3]!.raw).toBe('民法典第1079条第二款');
  });
  it('resolves 本法 to the default law when none was named, and reads 之一', () => {
    const c = findCitations('依照本法第一百二十条之一处理。', [], '刑法');
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ lawName: '刑法', article: 120, articleSub: 1 });
  });
  it('keeps an unknown unbracketed law so that it can be checked', () => {
    const c = findCitations('依据网络主播管理法第十二条，您可以投诉。');
    expect(c[0]!.lawName).toBe('网络主播管理法');
    expect(c[0]!.raw).toBe('网络主播管理法第十二条');
  });
  it('replaces spans from the end so offsets stay valid', () => {
    const text = 'A《x法》第一条B《y法》第二条C';
    const c = findCitations(text);
    expect(replaceSpans(text, c, '〔删〕')).toBe('A〔删〕B〔删〕C');
  });
});
