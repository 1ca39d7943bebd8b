/**
 * @module 人身损害赔偿 items (民法典 Art. 1179; 人身损害赔偿解释 2022 Arts. 6–17) and the traffic-accident
 * split between 交强险 and the liable party (道路交通安全法 Art. 76; 民法典 Art. 1213).
 */
import { z } from 'zod';
import { AVG_WAGE } from './labour.js';
import {
  law,
  money,
  num,
  yuan,
  type CalcLine,
  type CalcResult,
  type Calculator,
  type Figure,
  type FigureLookup,
} from './types.js';

export const INCOME = 'hubei_urban_disposable_income';
export const CONSUMPTION = 'hubei_urban_consumption';
export const MEAL = 'hospital_meal_allowance';
export const JQX_MEDICAL = 'jqx_medical_limit';
export const JQX_DEATH = 'jqx_death_disability_limit';

const RSSH = '最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释';

/** Years of 残疾/死亡赔偿金: 20; from 60 one year less per year of age; from 75 five years (Arts. 12, 15). */
export function compensationYears(age: number): number {
  if (age >= 75) return 5;
  if (age >= 60) return 20 - (age - 60);
  return 20;
}

/** Grade 1 → 100 %, each grade 10 % less, grade 10 → 10 %. */
export function disabilityRatio(grade: number): number {
  return (11 - grade) / 10;
}

/** Years a dependant is supported: minors to 18, others (no work ability or income) as Art. 17. */
export function dependantYears(age: number): number {
  return age < 18 ? 18 - age : compensationYears(age);
}

const Amount = z.number().min(0).max(100_000_000);
const Days = z.number().int().min(0).max(36_500);
export const InjuryInput = z.strictObject({
  medicalFee: Amount,
  lostWorkDays: Days,
  dailyIncome: Amount,
  nursingDays: Days,
  nursingDaily: Amount,
  transportFee: Amount,
  hospitalDays: Days,
  nutritionFee: Amount,
  /** 0 = no disability; 1–10 = 伤残等级. */
  disabilityGrade: z.number().int().min(0).max(10),
  age: z.number().int().min(0).max(120),
  died: z.boolean(),
  /** Ages of people the victim supported (at most a few). */
  dependantAges: z.array(z.number().int().min(0).max(120)).max(6),
  /** How many people, the victim included, owe each dependant support. */
  supporters: z.number().int().min(1).max(10),
  mentalDamages: Amount,
});
export type InjuryInput = z.infer<typeof InjuryInput>;

/** Items that 交强险 pays under its 医疗费用 limit; the rest fall under 死亡伤残. */
const MEDICAL_ITEMS = new Set(['医疗费', '住院伙食补助费', '营养费']);

function dependantLine(i: InjuryInput, ratio: number, consumption: Figure): CalcLine | null {
  if (!i.dependantAges.length) return null;
  const years = i.dependantAges.map(dependantYears);
  const horizon = Math.max(...years);
  let total = 0;
  // Art. 17: several dependants' yearly total may not exceed one year's consumption figure.
  for (let y = 0; y < horizon; y++) {
    const share = years.filter((n) => n > y).length * ((consumption.value * ratio) / i.supporters);
    total += Math.min(share, consumption.value);
  }
  return {
    label: '被扶养人生活费',
    amount: money(total),
    formula: `${yuan(consumption.value)} × ${num(ratio)} ÷ ${i.supporters} 人 × 扶养年限（${years.join('、')} 年，年度合计不超过人均消费支出）`,
  };
}

function lossLines(
  i: InjuryInput,
  f: FigureLookup,
  today: string,
): { lines: CalcLine[]; used: Figure[] } {
  const meal = f(MEAL, today);
  const lines: CalcLine[] = [
    { label: '医疗费', amount: money(i.medicalFee), formula: `以票据为准 ${yuan(i.medicalFee)}` },
    {
      label: '误工费',
      amount: money(i.dailyIncome * i.lostWorkDays),
      formula: `${yuan(i.dailyIncome)}/天 × ${i.lostWorkDays} 天`,
    },
    {
      label: '护理费',
      amount: money(i.nursingDaily * i.nursingDays),
      formula: `${yuan(i.nursingDaily)}/天 × ${i.nursingDays} 天`,
    },
    {
      label: '交通费',
      amount: money(i.transportFee),
      formula: `以票据为准 ${yuan(i.transportFee)}`,
    },
    {
      label: '住院伙食补助费',
      amount: money(meal.value * i.hospitalDays),
      formula: `${yuan(meal.value)}/天 × ${i.hospitalDays} 天`,
    },
    { label: '营养费', amount: money(i.nutritionFee), formula: yuan(i.nutritionFee) },
  ];
  return { lines, used: [meal] };
}

function seriousLines(i: InjuryInput, f: FigureLookup, today: string) {
  const income = f(INCOME, today);
  const used: Figure[] = [income];
  const lines: CalcLine[] = [];
  const years = compensationYears(i.age);
  let ratio = 0;
  if (i.died) {
    ratio = 1;
    const wage = f(AVG_WAGE, today);
    used.push(wage);
    lines.push({
      label: '死亡赔偿金',
      amount: money(income.value * years),
      formula: `${yuan(income.value)} × ${years} 年`,
    });
    lines.push({
      label: '丧葬费',
      amount: money(wage.value * 6),
      formula: `${yuan(wage.value)} × 6 个月`,
    });
  } else if (i.disabilityGrade > 0) {
    ratio = disabilityRatio(i.disabilityGrade);
    lines.push({
      label: '残疾赔偿金',
      amount: money(income.value * ratio * years),
      formula: `${yuan(income.value)} × ${i.disabilityGrade} 级伤残 ${num(ratio * 100)}% × ${years} 年`,
    });
  }
  if (ratio > 0 && i.dependantAges.length) {
    const consumption = f(CONSUMPTION, today);
    used.push(consumption);
    const line = dependantLine(i, ratio, consumption);
    if (line) lines.push(line);
  }
  if (i.mentalDamages > 0)
    lines.push({
      label: '精神损害抚慰金（主张数额）',
      amount: money(i.mentalDamages),
      formula: yuan(i.mentalDamages),
    });
  return { lines, used, years };
}

/** The article behind each item: a letter cites only the items its facts produced (no 丧葬费 for a living victim). */
const ITEM_ARTICLES: Record<string, number[]> = {
  医疗费: [6],
  误工费: [7],
  护理费: [8],
  交通费: [9],
  住院伙食补助费: [10],
  营养费: [11],
  残疾赔偿金: [12],
  丧葬费: [14],
  死亡赔偿金: [15],
  被扶养人生活费: [16, 17],
};

function articlesFor(lines: CalcLine[]) {
  const nums = new Set(lines.flatMap((l) => ITEM_ARTICLES[l.label] ?? []));
  return [
    law('民法典', 1179),
    ...[...nums].sort((x, y) => x - y).map((n) => law(RSSH, n)),
    ...(lines.some((l) => l.label.startsWith('精神损害')) ? [law('民法典', 1183)] : []),
  ];
}

function injuryResult(i: InjuryInput, f: FigureLookup, today: string): CalcResult {
  const a = lossLines(i, f, today);
  const b = seriousLines(i, f, today);
  const lines = [...a.lines, ...b.lines].filter((l) => l.amount > 0);
  const notes = [
    '各项以实际发生且有票据、鉴定意见为准；住院伙食补助费参照当地国家机关一般工作人员出差伙食补助标准。',
  ];
  if (i.died || i.disabilityGrade > 0)
    notes.push(
      `赔偿年限：受害人 ${i.age} 周岁，按 ${b.years} 年计算（六十周岁以上每增加一岁减少一年，七十五周岁以上按五年）。`,
    );
  return {
    calculator: 'personalInjury',
    title: '人身损害赔偿项目',
    lines,
    total: money(lines.reduce((s, l) => s + l.amount, 0)),
    notes,
    articles: articlesFor(lines),
    figures: [...a.used, ...b.used],
  };
}

export const personalInjury: Calculator<InjuryInput> = {
  id: 'personalInjury',
  title: '人身损害赔偿项目',
  // Every article a result may cite (the startup check looks them all up).
  articles: [
    law('民法典', 1179),
    law('民法典', 1183),
    ...[6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17].map((n) => law(RSSH, n)),
  ],
  input: InjuryInput,
  compute: injuryResult,
};

/** Customary shares by accident responsibility, used when the other side is a motor vehicle. */
export const LIABILITY: Record<string, { label: string; ratio: number }> = {
  full: { label: '对方负全部责任', ratio: 1 },
  major: { label: '对方负主要责任', ratio: 0.7 },
  equal: { label: '双方同等责任', ratio: 0.5 },
  minor: { label: '对方负次要责任', ratio: 0.3 },
};

export const TrafficInput = InjuryInput.extend({
  liability: z.enum(['full', 'major', 'equal', 'minor']),
  insured: z.boolean(),
});

/** 交强险 pays first within its limits; the rest is shared by responsibility (民法典 Art. 1213). */
export const trafficAccident: Calculator<z.infer<typeof TrafficInput>> = {
  id: 'trafficAccident',
  title: '交通事故人身损害赔偿',
  articles: [law('道路交通安全法', 76), law('民法典', 1213), ...personalInjury.articles],
  input: TrafficInput,
  compute: (i, f, today) => {
    const base = injuryResult(i, f, today);
    const med = base.lines
      .filter((l) => MEDICAL_ITEMS.has(l.label))
      .reduce((s, l) => s + l.amount, 0);
    const other = base.total - med;
    const used = [...base.figures];
    let insMed = 0;
    let insOther = 0;
    if (i.insured) {
      const lm = f(JQX_MEDICAL, today);
      const ld = f(JQX_DEATH, today);
      used.push(lm, ld);
      insMed = Math.min(med, lm.value);
      insOther = Math.min(other, ld.value);
    }
    const share = LIABILITY[i.liability]!;
    const rest = money(base.total - insMed - insOther);
    const lines: CalcLine[] = [
      ...base.lines,
      { label: '损失合计', amount: base.total, formula: '以上各项之和' },
      ...(i.insured
        ? [
            {
              label: '交强险医疗费用限额内赔付',
              amount: money(insMed),
              formula: `min(${yuan(med)}, 限额)`,
            },
            {
              label: '交强险死亡伤残限额内赔付',
              amount: money(insOther),
              formula: `min(${yuan(other)}, 限额)`,
            },
          ]
        : []),
      {
        label: `超出交强险部分由对方承担（${share.label}）`,
        amount: money(rest * share.ratio),
        formula: `${yuan(rest)} × ${num(share.ratio * 100)}%`,
      },
    ];
    const total = money(insMed + insOther + rest * share.ratio);
    lines.push({
      label: '预计可获赔偿',
      amount: total,
      formula: '交强险赔付 + 对方按责任比例承担部分',
    });
    return {
      ...base,
      calculator: 'trafficAccident',
      title: '交通事故人身损害赔偿',
      lines,
      total,
      notes: [
        ...base.notes,
        `责任比例 ${num(share.ratio * 100)}% 为审判实践中的常见参考比例，最终以交警部门事故认定书和法院认定为准；商业三者险在保险合同约定范围内先于侵权人赔付。`,
      ],
      articles: [law('道路交通安全法', 76), law('民法典', 1213), ...base.articles],
      figures: used,
    };
  },
};
