import { describe, expect, it } from 'vitest';
import {
  doubleWage,
  overtime,
  severance,
  severanceYears,
  unlawfulTermination,
  wageArrears,
} from './labour.js';
import { compensationYears, personalInjury, trafficAccident, type InjuryInput } from './injury.js';
import { childSupport, courtFee, loanInterest, propertyCaseFee, workInjury } from './other.js';
import { completeMonths, type Figure, type FigureLookup } from './types.js';

const fig = (key: string, value: number, effectiveDate = '2020-01-01'): Figure => ({
  key,
  label: key,
  value,
  unit: '元',
  region: '测试',
  effectiveDate,
  source: '手算示例',
  example: true,
});
const table: Figure[] = [
  fig('wuhan_avg_monthly_wage', 8000),
  fig('hubei_urban_disposable_income', 50000),
  fig('hubei_urban_consumption', 30000),
  fig('hospital_meal_allowance', 100),
  fig('jqx_medical_limit', 18000),
  fig('jqx_death_disability_limit', 180000),
  fig('national_urban_disposable_income', 54188),
  fig('lpr_1y', 3.85, '2020-04-20'),
  fig('lpr_1y', 3.55, '2023-06-20'),
  fig('lpr_1y', 3.45, '2023-08-21'),
  fig('lpr_1y', 3.1, '2024-10-21'),
];
const figures: FigureLookup = (key, asOf = '9999-12-31') => {
  const hit = table
    .filter((f) => f.key === key && f.effectiveDate <= asOf)
    .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))[0];
  if (!hit) throw new Error(`no figure ${key}`);
  return hit;
};
const withAvg =
  (avg: number): FigureLookup =>
  (k, d) =>
    k === 'wuhan_avg_monthly_wage' ? fig(k, avg) : figures(k, d);
const today = '2025-06-01';

describe('经济补偿 (劳动合同法 Art. 47)', () => {
  it('counts whole years, ≥6 months as a year, <6 months as half a month', () => {
    expect(severanceYears(68)).toBe(6); // 5 年 8 个月
    expect(severanceYears(4)).toBe(0.5);
    expect(severanceYears(12)).toBe(1);
    expect(severanceYears(65)).toBe(5.5); // 5 年 5 个月
  });
  it('5 年 8 个月, 8,000 元/月 → 6 × 8,000 = 48,000 元', () => {
    const r = severance.compute({ serviceMonths: 68, monthlyWage: 8000 }, withAvg(9000), today);
    expect(r.total).toBe(48000);
    expect(r.figures[0]!.key).toBe('wuhan_avg_monthly_wage');
  });
  it('4 个月, 6,000 元/月 → half a month = 3,000 元', () => {
    expect(severance.compute({ serviceMonths: 4, monthlyWage: 6000 }, figures, today).total).toBe(
      3000,
    );
  });
  it('above 3× the average wage: base capped at 3× and years at 12', () => {
    // 15 年 3 个月, 40,000 元/月, average 10,000 → 30,000 × 12 = 360,000
    const r = severance.compute({ serviceMonths: 183, monthlyWage: 40000 }, withAvg(10000), today);
    expect(r.total).toBe(360000);
    expect(r.notes.join()).toContain('三倍封顶');
  });
  it('below the cap the 12-year limit does not apply: 15.5 × 20,000 = 310,000', () => {
    const r = severance.compute({ serviceMonths: 183, monthlyWage: 20000 }, withAvg(10000), today);
    expect(r.total).toBe(310000);
  });
});

describe('违法解除赔偿金 (Art. 87) and 二倍工资 (Art. 82)', () => {
  it('2 年 6 个月, 10,000 元/月 → 3 × 10,000 × 2 = 60,000 元', () => {
    const r = unlawfulTermination.compute(
      { serviceMonths: 30, monthlyWage: 10000 },
      figures,
      today,
    );
    expect(r.lines.map((l) => l.amount)).toEqual([30000, 60000]);
    expect(r.total).toBe(60000);
  });
  it('5 months without a contract → 4 extra months; capped at 11', () => {
    expect(
      doubleWage.compute({ monthsWithoutContract: 5, monthlyWage: 7000 }, figures, today).total,
    ).toBe(28000);
    expect(
      doubleWage.compute({ monthsWithoutContract: 20, monthlyWage: 7000 }, figures, today).total,
    ).toBe(77000);
    expect(
      doubleWage.compute({ monthsWithoutContract: 1, monthlyWage: 7000 }, figures, today).total,
    ).toBe(0);
  });
  it('counts whole calendar months', () => {
    expect(completeMonths('2024-01-15', '2024-06-14')).toBe(4);
    expect(completeMonths('2024-01-15', '2024-06-15')).toBe(5);
  });
});

describe('加班费 (劳动法 Art. 44) and 拖欠工资', () => {
  it('8,700 元/月 → 50 元/小时; 20 h × 150% + 16 h × 200% + 8 h × 300% = 4,300 元', () => {
    const r = overtime.compute(
      { monthlyWage: 8700, workdayHours: 20, restDayHours: 16, holidayHours: 8 },
      figures,
      today,
    );
    expect(r.lines.map((l) => l.amount)).toEqual([1500, 1600, 1200]);
    expect(r.total).toBe(4300);
  });
  it('states the 50%–100% additional compensation range', () => {
    const r = wageArrears.compute({ unpaidWages: 12000 }, figures, today);
    expect(r.total).toBe(12000);
    expect(r.notes[0]).toContain('6,000.00 元 至 12,000.00 元');
  });
});

describe('人身损害赔偿 (解释 2022 Arts. 6–17)', () => {
  const base: InjuryInput = {
    medicalFee: 20000,
    lostWorkDays: 60,
    dailyIncome: 200,
    nursingDays: 30,
    nursingDaily: 150,
    transportFee: 500,
    hospitalDays: 20,
    nutritionFee: 1000,
    disabilityGrade: 8,
    age: 65,
    died: false,
    dependantAges: [10],
    supporters: 2,
    mentalDamages: 0,
  };
  it('age adjustment: 20 years, minus one per year from 60, five from 75', () => {
    expect([
      compensationYears(45),
      compensationYears(60),
      compensationYears(65),
      compensationYears(74),
      compensationYears(80),
    ]).toEqual([20, 20, 15, 6, 5]);
  });
  it('8 级 at 65: 50,000 × 30% × 15 = 225,000; a 10-year-old dependant: 30,000 × 30% ÷ 2 × 8 = 36,000', () => {
    const r = personalInjury.compute(base, figures, today);
    const by = Object.fromEntries(r.lines.map((l) => [l.label, l.amount]));
    expect(by['残疾赔偿金']).toBe(225000);
    expect(by['被扶养人生活费']).toBe(36000);
    expect(by['误工费']).toBe(12000);
    expect(by['护理费']).toBe(4500);
    expect(by['住院伙食补助费']).toBe(2000);
    expect(r.total).toBe(301000);
    expect(r.figures.map((f) => f.key)).toContain('hubei_urban_consumption');
  });
  it('death at 80: 死亡赔偿金 50,000 × 5, 丧葬费 8,000 × 6', () => {
    const r = personalInjury.compute(
      { ...base, died: true, age: 80, dependantAges: [] },
      figures,
      today,
    );
    const by = Object.fromEntries(r.lines.map((l) => [l.label, l.amount]));
    expect(by['死亡赔偿金']).toBe(250000);
    expect(by['丧葬费']).toBe(48000);
    expect(by['残疾赔偿金']).toBeUndefined();
  });
  it('several dependants: the yearly total never exceeds the consumption figure', () => {
    const r = personalInjury.compute(
      { ...base, disabilityGrade: 1, age: 40, supporters: 1, dependantAges: [16, 17] },
      figures,
      today,
    );
    expect(r.lines.find((l) => l.label === '被扶养人生活费')!.amount).toBe(60000);
  });
  it('traffic: 交强险 pays 18,000 + 180,000 first, then 70% of the remaining 103,000', () => {
    const r = trafficAccident.compute(
      { ...base, liability: 'major', insured: true },
      figures,
      today,
    );
    expect(r.total).toBe(270100);
    expect(r.figures.map((f) => f.key)).toContain('jqx_death_disability_limit');
  });
});

describe('工伤, 民间借贷, 诉讼费, 抚养费', () => {
  it('工伤 7 级: 13 months of 本人工资; wage below 60% of the average is raised to it', () => {
    expect(
      workInjury.compute({ monthlyWage: 6000, disabilityGrade: 7, died: false }, figures, today)
        .total,
    ).toBe(78000);
    expect(
      workInjury.compute({ monthlyWage: 3000, disabilityGrade: 7, died: false }, figures, today)
        .total,
    ).toBe(62400);
    const death = workInjury.compute(
      { monthlyWage: 6000, disabilityGrade: 0, died: true },
      figures,
      today,
    );
    expect(death.lines.map((l) => l.amount)).toEqual([48000, 1083760]);
  });
  it('LPR 3.45% when the loan was made → 13.8% cap; interest above it is not supported', () => {
    const r = loanInterest.compute(
      {
        principal: 100000,
        agreedRate: 24,
        contractDate: '2023-09-01',
        interestFrom: '2024-01-01',
        interestTo: '2025-01-01',
      },
      figures,
      today,
    );
    expect(r.lines.map((l) => l.amount)).toEqual([13.8, 13837.81, 10227.94]);
    expect(r.total).toBe(113837.81);
    expect(r.figures[0]!.effectiveDate).toBe('2023-08-21');
  });
  it('an agreed rate under the cap is supported in full', () => {
    const r = loanInterest.compute(
      {
        principal: 50000,
        agreedRate: 6,
        contractDate: '2025-01-10',
        interestFrom: '2025-01-10',
        interestTo: '2025-07-09',
      },
      figures,
      today,
    );
    expect(r.lines).toHaveLength(2);
    expect(r.lines[1]!.amount).toBe(1479.45); // 50,000 × 6% × 180 / 365
  });
  it('flags loans made before the 2020-08-20 change', () => {
    const r = loanInterest.compute(
      {
        principal: 10000,
        agreedRate: 20,
        contractDate: '2020-05-01',
        interestFrom: '2020-05-01',
        interestTo: '2020-12-01',
      },
      figures,
      today,
    );
    expect(r.notes.join()).toContain('2020 年 8 月 20 日之前');
  });
  it('诉讼费 Art. 13 brackets', () => {
    expect(propertyCaseFee(8000)).toBe(50);
    expect(propertyCaseFee(100000)).toBe(2300);
    expect(propertyCaseFee(150000)).toBe(3300);
    expect(propertyCaseFee(1000000)).toBe(13800);
    expect(courtFee.compute({ kind: 'labour', amount: 50000 }, figures, today).total).toBe(10);
    expect(courtFee.compute({ kind: 'divorce', amount: 300000 }, figures, today).total).toBe(800);
  });
  it('抚养费: 20%–30% for one child, up to 50% for two', () => {
    expect(
      childSupport
        .compute({ monthlyIncome: 10000, children: 1 }, figures, today)
        .lines.map((l) => l.amount),
    ).toEqual([2000, 3000]);
    expect(childSupport.compute({ monthlyIncome: 10000, children: 2 }, figures, today).total).toBe(
      5000,
    );
  });
});
