/**
 * @module Regional and yearly figures the calculators use: the known keys, the shipped seed (each naming its
 * source or marked 示例数据，请替换), and the lookup of the figure in force on a date.
 */
import type { Selectable } from 'kysely';
import { AppError } from '../core/errors.js';
import type { Figure, FigureLookup } from './calculators/types.js';
import type { OpinionFigureRow } from './tables.js';

export const EXAMPLE_SOURCE = '示例数据，请替换';

/** Every figure key a calculator may ask for, with its label and unit. */
export const FIGURE_KEYS: Record<string, { label: string; unit: string }> = {
  wuhan_avg_monthly_wage: { label: '武汉市上年度职工月平均工资', unit: '元/月' },
  hubei_urban_disposable_income: { label: '湖北省上一年度城镇居民人均可支配收入', unit: '元/年' },
  hubei_urban_consumption: { label: '湖北省上一年度城镇居民人均消费支出', unit: '元/年' },
  hospital_meal_allowance: {
    label: '住院伙食补助费标准（国家机关工作人员出差伙食补助）',
    unit: '元/天',
  },
  national_urban_disposable_income: { label: '上一年度全国城镇居民人均可支配收入', unit: '元/年' },
  jqx_medical_limit: { label: '交强险医疗费用赔偿限额', unit: '元' },
  jqx_death_disability_limit: { label: '交强险死亡伤残赔偿限额', unit: '元' },
  lpr_1y: { label: '一年期贷款市场报价利率（LPR）', unit: '%' },
};

type Seed = [key: string, value: number, effective: string, region: string, source: string];

const LPR_SOURCE =
  '全国银行间同业拆借中心受权公布的贷款市场报价利率（LPR），据公告整理，上线前请核对';
const NBS_2023 = '国家统计局《中华人民共和国2023年国民经济和社会发展统计公报》';
const NBS_2024 = '国家统计局《中华人民共和国2024年国民经济和社会发展统计公报》';
const JQX =
  '中国银保监会《关于实施车险综合改革的指导意见》（银保监发〔2020〕41号），2020年9月19日起施行';

/** Shipped figures. Local Wuhan/Hubei figures are placeholders until the bureau enters the published ones. */
export const FIGURE_SEED: Seed[] = [
  ['wuhan_avg_monthly_wage', 9500, '2025-01-01', '武汉市', EXAMPLE_SOURCE],
  ['hubei_urban_disposable_income', 47000, '2025-01-01', '湖北省', EXAMPLE_SOURCE],
  ['hubei_urban_consumption', 31000, '2025-01-01', '湖北省', EXAMPLE_SOURCE],
  ['hospital_meal_allowance', 100, '2025-01-01', '湖北省', EXAMPLE_SOURCE],
  ['national_urban_disposable_income', 51821, '2024-01-01', '全国', NBS_2023],
  ['national_urban_disposable_income', 54188, '2025-01-01', '全国', NBS_2024],
  ['jqx_medical_limit', 18000, '2020-09-19', '全国', JQX],
  ['jqx_death_disability_limit', 180000, '2020-09-19', '全国', JQX],
  ...(
    [
      ['2019-08-20', 4.25],
      ['2019-09-20', 4.2],
      ['2019-11-20', 4.15],
      ['2020-02-20', 4.05],
      ['2020-04-20', 3.85],
      ['2021-12-20', 3.8],
      ['2022-01-20', 3.7],
      ['2022-08-22', 3.65],
      ['2023-06-20', 3.55],
      ['2023-08-21', 3.45],
      ['2024-07-22', 3.35],
      ['2024-10-21', 3.1],
      ['2025-05-20', 3.0],
    ] as const
  ).map(([d, v]): Seed => ['lpr_1y', v, d, '全国', LPR_SOURCE]),
];

export function toFigure(r: Selectable<OpinionFigureRow>): Figure {
  return {
    key: r.key,
    label: r.label,
    value: Number(r.value),
    unit: r.unit,
    region: r.region,
    effectiveDate: r.effective_date,
    source: r.source,
    example: r.is_example === 1,
  };
}

/**
 * The figure in force on `asOf` (the latest effective on or before it; the earliest when all are later).
 * @throws AppError 503 `figure_missing` when an administrator has removed every row of a key.
 */
export function lookupFrom(rows: Figure[]): FigureLookup {
  return (key, asOf = '9999-12-31') => {
    const all = rows
      .filter((r) => r.key === key)
      .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
    const hit = all.filter((r) => r.effectiveDate <= asOf).pop() ?? all[0];
    if (!hit)
      throw AppError.of(
        'figure_missing',
        `尚未配置计算所需数据：${FIGURE_KEYS[key]?.label ?? key}`,
      );
    return hit;
  };
}
