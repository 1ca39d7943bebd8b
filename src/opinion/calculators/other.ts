/**
 * @module 工伤 benefits (工伤保险条例 Arts. 35–39, 64), the 民间借贷 interest cap (民间借贷规定 Arts. 25/28:
 * four times the one-year LPR when the contract was made), 诉讼费 (诉讼费用交纳办法 Art. 13) and 抚养费
 * (婚姻家庭编解释（一）Art. 49).
 */
import { z } from 'zod';
import { IsoDate } from '../../core/schemas.js';
import { AVG_WAGE } from './labour.js';
import {
  daysBetween,
  law,
  money,
  num,
  yuan,
  type ArticleKey,
  type CalcLine,
  type Calculator,
} from './types.js';

export const NATIONAL_INCOME = 'national_urban_disposable_income';
export const LPR = 'lpr_1y';

const Amount = z.number().min(0).max(100_000_000_000);
const Iso = IsoDate;

/** Months of 本人工资 for the 一次性伤残补助金, by grade 1–10 (Arts. 35–37). */
export const LUMP_SUM_MONTHS = [27, 25, 23, 21, 18, 16, 13, 11, 9, 7] as const;
/** 伤残津贴 as a share of 本人工资, grades 1–6 (Arts. 35–36). */
export const ALLOWANCE = [0.9, 0.85, 0.8, 0.75, 0.7, 0.6] as const;

const WorkInjuryInput = z.strictObject({
  monthlyWage: Amount,
  disabilityGrade: z.number().int().min(0).max(10),
  died: z.boolean(),
});

export const workInjury: Calculator<z.infer<typeof WorkInjuryInput>> = {
  id: 'workInjury',
  title: '工伤保险待遇',
  articles: [
    law('工伤保险条例', 35),
    law('工伤保险条例', 36),
    law('工伤保险条例', 37),
    law('工伤保险条例', 39),
    law('工伤保险条例', 64),
  ],
  input: WorkInjuryInput,
  compute: (i, f, today) => {
    const avg = f(AVG_WAGE, today);
    // Art. 64: 本人工资 counts between 60 % and 300 % of the regional average.
    const wage = Math.min(Math.max(i.monthlyWage, avg.value * 0.6), avg.value * 3);
    const lines: CalcLine[] = [];
    const notes = [
      `本人工资按 ${yuan(wage)} 计（不低于统筹地区职工月平均工资的 60%、不高于 300%）。`,
    ];
    const figures = [avg];
    if (i.died) {
      const nat = f(NATIONAL_INCOME, today);
      figures.push(nat);
      lines.push({
        label: '丧葬补助金',
        amount: money(avg.value * 6),
        formula: `${yuan(avg.value)} × 6 个月`,
      });
      lines.push({
        label: '一次性工亡补助金',
        amount: money(nat.value * 20),
        formula: `${yuan(nat.value)} × 20`,
      });
      notes.push('供养亲属抚恤金按月发放（配偶 40%、其他亲属 30%），未计入合计。');
    } else if (i.disabilityGrade > 0) {
      const months = LUMP_SUM_MONTHS[i.disabilityGrade - 1]!;
      lines.push({
        label: `一次性伤残补助金（${i.disabilityGrade} 级）`,
        amount: money(wage * months),
        formula: `${yuan(wage)} × ${months} 个月`,
      });
      const share = ALLOWANCE[i.disabilityGrade - 1];
      if (share)
        notes.push(
          `伤残津贴按月发放：本人工资 × ${num(share * 100)}% = ${yuan(wage * share)}/月，未计入合计。`,
        );
      if (i.disabilityGrade >= 5)
        notes.push(
          '解除或终止劳动关系时另有一次性工伤医疗补助金和伤残就业补助金，标准由湖北省规定。',
        );
    }
    return {
      calculator: 'workInjury',
      title: '工伤保险待遇',
      lines,
      total: money(lines.reduce((s, l) => s + l.amount, 0)),
      notes,
      articles: workInjury.articles,
      figures,
    };
  },
};

const MJJD = '最高人民法院关于审理民间借贷案件适用法律若干问题的规定';
const LoanInput = z.strictObject({
  principal: Amount,
  agreedRate: z.number().min(0).max(1000),
  contractDate: Iso,
  interestFrom: Iso,
  interestTo: Iso,
});

export const loanInterest: Calculator<z.infer<typeof LoanInput>> = {
  id: 'loanInterest',
  title: '民间借贷利息与利率上限',
  articles: [law(MJJD, 25), law(MJJD, 28)],
  input: LoanInput,
  compute: (i, f) => {
    const lpr = f(LPR, i.contractDate);
    const cap = money(lpr.value * 4 * 100) / 100;
    const rate = Math.min(i.agreedRate, cap);
    const days = Math.max(0, daysBetween(i.interestFrom, i.interestTo));
    const supported = money((i.principal * rate * days) / 100 / 365);
    const agreed = money((i.principal * i.agreedRate * days) / 100 / 365);
    const lines: CalcLine[] = [
      {
        label: '利率上限（合同成立时一年期 LPR 的四倍）',
        amount: cap,
        formula: `${num(lpr.value)}% × 4 = ${num(cap)}%（年利率）`,
      },
      {
        label: '可获支持的利息',
        amount: supported,
        formula: `${yuan(i.principal)} × ${num(rate)}% × ${days} 天 ÷ 365`,
      },
    ];
    if (agreed > supported)
      lines.push({
        label: '超过上限、不受保护的利息',
        amount: money(agreed - supported),
        formula: `按约定 ${num(i.agreedRate)}% 计 ${yuan(agreed)} − ${yuan(supported)}`,
      });
    return {
      calculator: 'loanInterest',
      title: '民间借贷利息与利率上限',
      lines,
      total: money(i.principal + supported),
      notes: [
        `合计为本金 ${yuan(i.principal)} 加可获支持的利息；利率以年利率计，按 365 天折算日利率。`,
        ...(i.agreedRate > cap
          ? [`约定年利率 ${num(i.agreedRate)}% 超过上限 ${num(cap)}%，超过部分法院不予支持。`]
          : []),
        // Art. 31: loans made before 2020-08-20 keep the old 24 % line for interest accrued before that date.
        ...(i.contractDate < '2020-08-20'
          ? [
              '借款发生在 2020 年 8 月 20 日之前的，此前产生的利息适用当时的司法解释（年利率 24% 以内受保护），本计算未作区分。',
            ]
          : []),
      ],
      articles: loanInterest.articles,
      figures: [lpr],
    };
  },
};

/** Art. 13(一) brackets: [upper bound, rate] applied cumulatively above 10,000 元. */
const BRACKETS: readonly [number, number][] = [
  [100_000, 0.025],
  [200_000, 0.02],
  [500_000, 0.015],
  [1_000_000, 0.01],
  [2_000_000, 0.009],
  [5_000_000, 0.008],
  [10_000_000, 0.007],
  [20_000_000, 0.006],
  [Infinity, 0.005],
];

/** How many of Art. 13(一)'s points a property claim of `amount` reaches (point 1: up to 1 万元). */
export function propertyBracketsReached(amount: number): number {
  let n = 1;
  let lower = 10_000;
  for (const [upper] of BRACKETS) {
    if (amount <= lower) break;
    n++;
    lower = upper;
  }
  return n;
}

/** 案件受理费 for a property case of `amount` 元 (Art. 13(一)). */
export function propertyCaseFee(amount: number): number {
  if (amount <= 10_000) return 50;
  let fee = 50;
  let lower = 10_000;
  for (const [upper, rate] of BRACKETS) {
    if (amount <= lower) break;
    fee += (Math.min(amount, upper) - lower) * rate;
    lower = upper;
  }
  return money(fee);
}

const FeeInput = z.strictObject({
  kind: z.enum(['property', 'labour', 'divorce']),
  amount: Amount,
});

const FEES = '诉讼费用交纳办法';

export const courtFee: Calculator<z.infer<typeof FeeInput>> = {
  id: 'courtFee',
  title: '诉讼费（案件受理费）',
  articles: [law(FEES, 13), law(FEES, 16)],
  input: FeeInput,
  compute: (i) => {
    let line: CalcLine;
    const notes = ['适用简易程序审理的案件减半交纳（第十六条）；诉讼费用一般由败诉方负担。'];
    // Only the 项 (and, for property, the brackets) of Art. 13 this case uses are quoted.
    let art13: ArticleKey;
    if (i.kind === 'labour') {
      line = { label: '劳动争议案件受理费', amount: 10, formula: '每件 10 元' };
      art13 = { law: FEES, article: 13, item: 4 };
    } else if (i.kind === 'divorce') {
      const extra = money(Math.max(0, i.amount - 200_000) * 0.005);
      line = {
        label: '离婚案件受理费（最高）',
        amount: money(300 + extra),
        formula: `每件 50–300 元 + 财产超过 20 万元部分 × 0.5% = ${yuan(extra)}`,
      };
      notes.push(`按最低 50 元计为 ${yuan(50 + extra)}；具体标准由湖北省在幅度内确定。`);
      art13 = { law: FEES, article: 13, item: 2, points: [1] };
    } else {
      line = {
        label: '财产案件受理费',
        amount: propertyCaseFee(i.amount),
        formula: `诉讼请求 ${yuan(i.amount)}，按第十三条第（一）项分段累计`,
      };
      const n = propertyBracketsReached(i.amount);
      art13 = {
        law: FEES,
        article: 13,
        item: 1,
        points: Array.from({ length: n }, (_, k) => k + 1),
      };
    }
    return {
      calculator: 'courtFee',
      title: '诉讼费（案件受理费）',
      lines: [line],
      total: line.amount,
      notes,
      articles: [art13, law(FEES, 16)],
      figures: [],
    };
  },
};

const SupportInput = z.strictObject({
  monthlyIncome: Amount,
  children: z.number().int().min(1).max(10),
});

export const childSupport: Calculator<z.infer<typeof SupportInput>> = {
  id: 'childSupport',
  title: '子女抚养费参考',
  articles: [law('最高人民法院关于适用《民法典》婚姻家庭编的解释（一）', 49), law('民法典', 1085)],
  input: SupportInput,
  compute: (i) => {
    const low = money(i.monthlyIncome * 0.2);
    const high = money(i.monthlyIncome * (i.children > 1 ? 0.5 : 0.3));
    return {
      calculator: 'childSupport',
      title: '子女抚养费参考',
      lines: [
        { label: '每月抚养费（下限）', amount: low, formula: `${yuan(i.monthlyIncome)} × 20%` },
        {
          label: '每月抚养费（上限）',
          amount: high,
          formula: `${yuan(i.monthlyIncome)} × ${i.children > 1 ? 50 : 30}%`,
        },
      ],
      total: high,
      notes: [
        i.children > 1
          ? `负担 ${i.children} 个子女，比例可适当提高，一般不超过月总收入的 50%。`
          : '有固定收入的，一般按月总收入的 20%–30% 给付。',
      ],
      articles: childSupport.articles,
      figures: [],
    };
  },
};
