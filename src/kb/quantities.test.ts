import { describe, expect, it } from 'vitest';
import { quantities, unbackedQuantities } from './quantities.js';

const read = (s: string) => quantities(s).map((q) => [q.value, q.unit]);

describe('quantities in legal text', () => {
  it('reads Chinese and Arabic numbers with their units, normalising 天/个月/周岁', () => {
    expect(read('每满一年支付一个月工资')).toEqual([
      [1, '年'],
      [1, '月'],
    ]);
    expect(read('十五天内、30日内、八周岁')).toEqual([
      [15, '日'],
      [30, '日'],
      [8, '岁'],
    ]);
    expect(read('半个月工资，二倍赔偿金，两倍')).toEqual([
      [0.5, '月'],
      [2, '倍'],
      [2, '倍'],
    ]);
  });

  it('reads per cent, fractions and amounts, and leaves calendar dates out', () => {
    expect(read('百分之五十、50%、万分之五、三分之一')).toEqual([
      [50, '%'],
      [50, '%'],
      [0.0005, '分之'],
      [1 / 3, '分之'],
    ]);
    expect(read('五万元或5万元，里程60,000公里')).toEqual([
      [50000, '元'],
      [50000, '元'],
      [60000, '公里'],
    ]);
    expect(read('自2021年1月1日起施行，每年3月15日')).toEqual([]);
  });

  it('reports a claimed deadline that the cited text does not state', () => {
    const article = '劳动争议申请仲裁的时效期间为一年。';
    expect(unbackedQuantities('申请仲裁的时效为一年', [article])).toEqual([]);
    expect(unbackedQuantities('申请仲裁的时效为两年', [article]).map((q) => q.raw)).toEqual([
      '两年',
    ]);
  });
});
