/**
 * @module The subsidy of one case (pure): the bureau's standard for its matter type and stage, scaled by its
 * 一案一评 grade (Art. 52 补贴 with Art. 57, 59 quality checks). Bands: 优秀 ≥ 90 pays 110 %, 合格 ≥ 60 pays
 * 100 %, 不合格 below 60 pays 50 % (rounded to whole 元). The standards are data the bureau edits; the bands
 * are this module's, stated here so a change is one reviewed edit.
 */
export const GRADES = {
  excellent: { label: '优秀', min: 90, percent: 110 },
  pass: { label: '合格', min: 60, percent: 100 },
  fail: { label: '不合格', min: 0, percent: 50 },
} as const;
export type Grade = keyof typeof GRADES;

export const STAGES = { non_litigation: '非诉讼', litigation: '诉讼（含仲裁）' } as const;
export type Stage = keyof typeof STAGES;

export const stageOf = (a: { is_litigation: number }): Stage =>
  a.is_litigation ? 'litigation' : 'non_litigation';

export function gradeOf(combined: number): Grade {
  if (combined >= GRADES.excellent.min) return 'excellent';
  if (combined >= GRADES.pass.min) return 'pass';
  return 'fail';
}

export function subsidyAmount(standard: number, combined: number) {
  const grade = gradeOf(combined);
  const percent = GRADES[grade].percent;
  return { grade, percent, amount: Math.round((standard * percent) / 100) };
}
