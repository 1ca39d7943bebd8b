/**
 * @module Labour calculators: 经济补偿 (劳动合同法 Art. 47), 违法解除赔偿金 (Art. 87), 未签书面合同二倍工资
 * (Art. 82 with 实施条例 Art. 7), 加班费 (劳动法 Art. 44), 拖欠工资 (劳动合同法 Art. 30/85).
 */
import { z } from 'zod';
import {
  law,
  money,
  num,
  yuan,
  type CalcResult,
  type Calculator,
  type FigureLookup,
} from './types.js';

const Wage = z.number().min(0).max(10_000_000);
const Months = z
  .number()
  .int()
  .min(0)
  .max(12 * 60);

/** Average monthly wage published for Wuhan: the base of the 3× cap and of 丧葬费. */
export const AVG_WAGE = 'wuhan_avg_monthly_wage';

/** Years counted under Art. 47: whole years, plus one for ≥ 6 months, plus a half for < 6 months. */
export function severanceYears(serviceMonths: number): number {
  const full = Math.floor(serviceMonths / 12);
  const rest = serviceMonths % 12;
  return full + (rest >= 6 ? 1 : rest > 0 ? 0.5 : 0);
}

interface SeveranceParts {
  base: number;
  years: number;
  capped: boolean;
  avg: number;
}

function severanceParts(serviceMonths: number, monthlyWage: number, avg: number): SeveranceParts {
  const years = severanceYears(serviceMonths);
  if (monthlyWage > 3 * avg)
    return { base: 3 * avg, years: Math.min(years, 12), capped: true, avg };
  return { base: monthlyWage, years, capped: false, avg };
}

const SeveranceInput = z.strictObject({ serviceMonths: Months, monthlyWage: Wage });
type SeveranceInput = z.infer<typeof SeveranceInput>;

function severanceResult(
  id: string,
  title: string,
  input: SeveranceInput,
  figures: FigureLookup,
  today: string,
  multiple: number,
): CalcResult {
  const avg = figures(AVG_WAGE, today);
  const p = severanceParts(input.serviceMonths, input.monthlyWage, avg.value);
  const single = money(p.base * p.years);
  const notes = [
    `工作年限 ${input.serviceMonths} 个月，按第四十七条折算为 ${num(p.years)} 个月工资（每满一年一个月；六个月以上不满一年按一年；不满六个月按半个月）。`,
  ];
  if (p.capped)
    notes.push(
      `月工资 ${yuan(input.monthlyWage)} 高于本地区上年度职工月平均工资三倍（${yuan(3 * p.avg)}），按三倍封顶，年限最高不超过十二年。`,
    );
  const lines = [
    {
      label: '经济补偿',
      amount: single,
      formula: `${yuan(p.base)} × ${num(p.years)} 个月`,
    },
  ];
  if (multiple !== 1)
    lines.push({
      label: '违法解除赔偿金（经济补偿标准的二倍）',
      amount: money(single * multiple),
      formula: `${yuan(single)} × ${multiple}`,
    });
  return {
    calculator: id,
    title,
    lines,
    total: lines[lines.length - 1]!.amount,
    notes,
    articles:
      multiple === 1 ? [law('劳动合同法', 47)] : [law('劳动合同法', 47), law('劳动合同法', 87)],
    figures: [avg],
  };
}

export const severance: Calculator<SeveranceInput> = {
  id: 'severance',
  title: '经济补偿',
  articles: [law('劳动合同法', 47)],
  input: SeveranceInput,
  compute: (i, f, today) => severanceResult('severance', '经济补偿', i, f, today, 1),
};

export const unlawfulTermination: Calculator<SeveranceInput> = {
  id: 'unlawfulTermination',
  title: '违法解除劳动合同赔偿金',
  articles: [law('劳动合同法', 47), law('劳动合同法', 87)],
  input: SeveranceInput,
  compute: (i, f, today) =>
    severanceResult('unlawfulTermination', '违法解除劳动合同赔偿金', i, f, today, 2),
};

const DoubleWageInput = z.strictObject({ monthsWithoutContract: Months, monthlyWage: Wage });

/** Art. 82: one extra month's wage for each whole month from the second month, at most eleven. */
export const doubleWage: Calculator<z.infer<typeof DoubleWageInput>> = {
  id: 'doubleWage',
  title: '未订立书面劳动合同的二倍工资差额',
  articles: [law('劳动合同法', 82)],
  input: DoubleWageInput,
  compute: (i) => {
    const months = Math.min(11, Math.max(0, i.monthsWithoutContract - 1));
    const amount = money(i.monthlyWage * months);
    return {
      calculator: 'doubleWage',
      title: '未订立书面劳动合同的二倍工资差额',
      lines: [{ label: '另一倍工资', amount, formula: `${yuan(i.monthlyWage)} × ${months} 个月` }],
      total: amount,
      notes: [
        `未签合同 ${i.monthsWithoutContract} 个整月；自用工之日起满一个月的次日起计算，最多十一个月（不足一个月的部分未计入，以仲裁认定为准）。`,
        ...(i.monthsWithoutContract >= 12
          ? ['用工满一年仍未订立书面合同的，视为已订立无固定期限劳动合同（劳动合同法第十四条）。']
          : []),
      ],
      articles: [law('劳动合同法', 82)],
      figures: [],
    };
  },
};

const Hours = z.number().min(0).max(5000);
const OvertimeInput = z.strictObject({
  monthlyWage: Wage,
  workdayHours: Hours,
  restDayHours: Hours,
  holidayHours: Hours,
});

/** 月计薪天数 21.75 (劳社部发〔2008〕3号) × 8 hours. */
export const HOURS_PER_MONTH = 21.75 * 8;

/** 劳动法 Art. 44: 150% on workdays, 200% on rest days without time off, 300% on statutory holidays. */
export const overtime: Calculator<z.infer<typeof OvertimeInput>> = {
  id: 'overtime',
  title: '加班费',
  articles: [law('劳动法', 44)],
  input: OvertimeInput,
  compute: (i) => {
    const hourly = i.monthlyWage / HOURS_PER_MONTH;
    const h = yuan(hourly);
    const lines = [
      ['工作日延长工作时间（150%）', i.workdayHours, 1.5],
      ['休息日加班且未补休（200%）', i.restDayHours, 2],
      ['法定休假日加班（300%）', i.holidayHours, 3],
    ]
      .filter(([, hours]) => (hours as number) > 0)
      .map(([label, hours, rate]) => ({
        label: label as string,
        amount: money(hourly * (hours as number) * (rate as number)),
        formula: `${h}/小时 × ${num(hours as number)} 小时 × ${(rate as number) * 100}%`,
      }));
    return {
      calculator: 'overtime',
      title: '加班费',
      lines,
      total: money(lines.reduce((s, l) => s + l.amount, 0)),
      notes: [
        `小时工资 = 月工资 ${yuan(i.monthlyWage)} ÷ 21.75 天 ÷ 8 小时 = ${h}（月计薪天数 21.75 天）。`,
      ],
      articles: [law('劳动法', 44)],
      figures: [],
    };
  },
};

const ArrearsInput = z.strictObject({ unpaidWages: Wage });

/** Unpaid wages in full (Art. 30); Art. 85 adds 50%–100% when the employer ignores an order to pay. */
export const wageArrears: Calculator<z.infer<typeof ArrearsInput>> = {
  id: 'wageArrears',
  title: '拖欠工资',
  articles: [law('劳动合同法', 30), law('劳动合同法', 85)],
  input: ArrearsInput,
  compute: (i) => ({
    calculator: 'wageArrears',
    title: '拖欠工资',
    lines: [{ label: '应付未付工资', amount: money(i.unpaidWages), formula: yuan(i.unpaidWages) }],
    total: money(i.unpaidWages),
    notes: [
      `劳动行政部门责令限期支付而逾期不支付的，可责令按应付金额 50%–100% 加付赔偿金，即 ${yuan(i.unpaidWages * 0.5)} 至 ${yuan(i.unpaidWages)}（劳动合同法第八十五条）。`,
    ],
    articles: [law('劳动合同法', 30), law('劳动合同法', 85)],
    figures: [],
  }),
};
