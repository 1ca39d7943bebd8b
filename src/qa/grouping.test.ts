import { describe, expect, it } from 'vitest';
import { groupQuestions } from './grouping.js';

describe('grouping questions that ask the same thing', () => {
  it('joins rewordings, keeps different matters apart, largest group first', () => {
    const qs = [
      '被公司辞退了能拿多少赔偿？',
      '网购的手机是翻新机，商家不给退怎么办',
      '公司辞退我，赔偿能拿多少',
      '被公司辞退了，能拿到多少赔偿啊',
      '網購的手機是翻新機，商家不給退',
      '邻居家漏水把我家天花板泡坏了',
    ];
    const groups = groupQuestions(qs, (q) => q);
    expect(groups.map((g) => g.members)).toEqual([
      ['被公司辞退了能拿多少赔偿？', '公司辞退我，赔偿能拿多少', '被公司辞退了，能拿到多少赔偿啊'],
      ['网购的手机是翻新机，商家不给退怎么办', '網購的手機是翻新機，商家不給退'],
      ['邻居家漏水把我家天花板泡坏了'],
    ]);
    expect(groups[0]!.lead).toBe('被公司辞退了能拿多少赔偿？');
  });
});
