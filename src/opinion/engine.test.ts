import { describe, expect, it } from 'vitest';
import type { FigureLookup } from './calculators/types.js';
import { evaluate, loadScenario, ScenarioError, validateAnswer, walk } from './engine.js';
import type { Answers } from './scenario-schema.js';
import { labourScenario } from './scenarios/labour.js';
import { findScenario, RAW_SCENARIOS } from './scenarios/index.js';

const labour = findScenario('labour')!;
const figures: FigureLookup = (key) => ({
  key,
  label: key,
  value: 9000,
  unit: '元',
  region: '武汉',
  effectiveDate: '2024-01-01',
  source: '测试',
  example: true,
});
const today = '2025-06-01';

describe('walking a scenario', () => {
  it('asks one question at a time and branches on answers', () => {
    const a: Answers = {};
    expect(walk(labour, a).current).toBe('disputeType');
    a.disputeType = 'wages';
    a.startDate = '2023-03-01';
    a.monthlyWage = 6000;
    a.stillEmployed = true;
    const w = walk(labour, a);
    expect(w.current).toBe('unpaidWages');
    expect(w.path).toEqual([
      'disputeType',
      'startDate',
      'monthlyWage',
      'stillEmployed',
      'unpaidWages',
    ]);
    a.unpaidWages = 12000;
    a.evidence = true;
    expect(walk(labour, a).current).toBeNull();
  });

  it('keeps answers when the user goes back and changes branch, but evaluates only the path taken', () => {
    const a: Answers = {
      disputeType: 'wages',
      startDate: '2020-01-10',
      monthlyWage: 8000,
      stillEmployed: false,
      endDate: '2025-03-20',
      terminationWho: 'employer_unlawful',
      unpaidWages: 5000,
      evidence: true,
    };
    expect(walk(labour, a).current).toBeNull();
    const changed = { ...a, disputeType: 'dismissal' };
    const w = walk(labour, changed);
    expect(w.current).toBeNull();
    expect(w.path).not.toContain('unpaidWages');
    const e = evaluate(labour, changed, figures, today);
    expect(e.calculations.map((c) => c.calculator)).toEqual(['unlawfulTermination', 'courtFee']);
    // 5 年 2 个月 → 5.5 × 8,000 × 2
    expect(e.calculations[0]!.total).toBe(88000);
    expect(e.facts.map((f) => f.answer)).not.toContain('5,000 元');
    expect(e.articles.map((x) => x.article)).toEqual(expect.arrayContaining([48, 87, 47, 27]));
    expect(e.articles.map((x) => x.article)).not.toContain(30);
    expect(e.steps.find((s) => s.deadline)?.deadline?.date).toBe('2026-03-20');
    // Going back to wages restores the earlier answer on the path.
    expect(walk(labour, { ...changed, disputeType: 'wages' }).path).toContain('unpaidWages');
  });

  it('a contract never signed while still employed counts months up to today', () => {
    const e = evaluate(
      labour,
      {
        disputeType: 'noContract',
        startDate: '2025-01-01',
        monthlyWage: 5000,
        stillEmployed: true,
        contractSigned: false,
        evidence: false,
      },
      figures,
      today,
    );
    expect(e.calculations[0]!.calculator).toBe('doubleWage');
    expect(e.calculations[0]!.total).toBe(20000); // 5 whole months → 4 × 5,000
    expect(e.analysis.join()).toContain('没有书面证据');
  });

  it('estimates the length of the remaining path for progress', () => {
    const w = walk(labour, { disputeType: 'overtime' });
    expect(w.current).toBe('startDate');
    expect(w.estimatedTotal).toBeGreaterThan(w.path.length);
  });
});

describe('validating answers', () => {
  const byId = (id: string) => labour.questions.find((q) => q.id === id)!;
  it('checks number ranges, dates, choices and yes/no', () => {
    expect(validateAnswer(byId('monthlyWage'), '6500.456', today)).toBe(6500.46);
    expect(() => validateAnswer(byId('monthlyWage'), -1, today)).toThrow(/不能小于/);
    expect(() => validateAnswer(byId('monthlyWage'), 'abc', today)).toThrow(/数字/);
    expect(() => validateAnswer(byId('startDate'), '2025-02-30', today)).toThrow(/日期不存在/);
    expect(() => validateAnswer(byId('startDate'), '2026-01-01', today)).toThrow(/不能晚于今天/);
    expect(() => validateAnswer(byId('disputeType'), 'robbery', today)).toThrow(/选项/);
    expect(() => validateAnswer(byId('evidence'), 'yes', today)).toThrow(/是/);
    expect(validateAnswer(byId('evidence'), false, today)).toBe(false);
    const grade = findScenario('work-injury')!.questions.find((q) => q.id === 'grade')!;
    expect(() => validateAnswer(grade, 2.5, today)).toThrow(/整数/);
    expect(() => validateAnswer(grade, 11, today)).toThrow(/不能大于 10/);
  });
  it('reports the stable code invalid_answer', () => {
    try {
      validateAnswer(byId('monthlyWage'), null, today);
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('invalid_answer');
    }
  });
});

describe('loading scenarios', () => {
  it('loads every shipped scenario', () => {
    expect(RAW_SCENARIOS.map((s) => loadScenario(s).id)).toEqual([
      'labour',
      'work-injury',
      'traffic',
      'loan',
      'divorce',
    ]);
  });
  const broken = (patch: (s: typeof labourScenario) => void) => {
    const s = structuredClone(labourScenario);
    patch(s);
    try {
      loadScenario(s);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as ScenarioError).problems.join('；');
    }
    return 'loaded';
  };
  it('refuses unknown questions, calculators, inputs and backward jumps', () => {
    expect(broken((s) => (s.questions[0]!.then = 'nowhere'))).toContain('不存在的问题 nowhere');
    expect(broken((s) => (s.questions[5]!.then = 'startDate'))).toContain('不能向前跳转');
    expect(broken((s) => (s.articles[2]!.when = { q: 'salary', eq: 1 }))).toContain(
      '不存在的问题 salary',
    );
    expect(broken((s) => (s.issues[0]!.when = { q: 'disputeType', eq: 'robbery' }))).toContain(
      'robbery 不是问题',
    );
    expect(broken((s) => (s.calculations[0]!.calculator = 'magic'))).toContain(
      '未知的计算器 magic',
    );
    expect(broken((s) => delete s.calculations[1]!.inputs.monthlyWage)).toContain(
      '缺少输入 monthlyWage',
    );
    expect(broken((s) => (s.calculations[1]!.inputs.bonus = { value: 1 }))).toContain(
      '没有输入 bonus',
    );
    expect(broken((s) => (s.analysis[0]!.text = '入职 {{hireDay}}'))).toContain('hireDay');
    expect(broken((s) => s.questions.push({ ...s.questions[0]! }))).toContain('问题编号重复');
    expect(broken((s) => (s.steps[2]!.deadline!.from = 'monthlyWage'))).toContain('不是日期题');
    expect(broken((s) => ((s as { articles: unknown[] }).articles = []))).toContain('articles');
  });
});
