/** @module Letters state the rules the facts call for: legal aid (法律援助法 31/32/42), injury items, the fee 项, the heading, China's date. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../core/context.js';
import { createTestContext } from '../test/db.js';
import { excerptItems } from './articles.js';
import { conditionRefs } from './engine.js';
import { AID_RULES } from './legal-aid.js';
import { buildLetterContent, type LetterContent } from './letter.js';
import { SAMPLE_ANSWERS } from './samples.js';
import type { Answers } from './scenario-schema.js';
import { findScenario } from './scenarios/index.js';
import { figureLookup } from './service.js';
import { importOpinionLaws } from '../test/opinion.js';

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  await importOpinionLaws(ctx);
});
afterAll(() => close());

async function letter(id: string, change: Answers = {}, now = new Date('2025-06-01T08:00:00Z')) {
  const s = findScenario(id)!;
  return buildLetterContent(
    ctx.db,
    s,
    { ...SAMPLE_ANSWERS[id]!, ...change },
    await figureLookup(ctx.db),
    {
      now,
      code: 'TESTCODE0000',
      baseUrl: 'https://fw.example.cn',
    },
  );
}
const aidText = (l: LetterContent) => l.options.find((o) => o.path === '/aid/precheck')!.text;
const labels = (l: LetterContent, title: string) =>
  l.articles.filter((a) => a.title.includes(title)).map((a) => a.label);
const RSSH = '人身损害赔偿案件';

describe('the legal-aid paragraph', () => {
  it('spares only 进城务工人员 the means check for 劳动报酬, citing 第四十二条（三）, and names 第三十二条 as the real exemptions', async () => {
    const l = await letter('labour', { disputeType: 'wages', unpaidWages: 20000 });
    const text = aidText(l);
    expect(text).toContain('进城务工人员申请支付劳动报酬的');
    expect(text).toContain(
      '免予核查经济困难状况（法律援助法第四十二条第（三）项），但仍须符合法律援助条件',
    );
    expect(text).toContain('法律援助法第三十二条规定的情形');
    expect(text).not.toMatch(/劳动报酬[^。]*不受经济困难条件限制/);
    expect(labels(l, '法律援助法')).toEqual([
      '第三十一条第（五）项',
      '第四十二条第（三）项',
      '第三十二条',
    ]);
    const a31 = l.articles.find((a) => a.label === '第三十一条第（五）项')!;
    expect(a31.text).toBe(
      '下列事项的当事人，因经济困难没有委托代理人的，可以向法律援助机构申请法律援助：\n（五）请求确认劳动关系或者支付劳动报酬；',
    );
  });

  it('does not give the 第四十二条 sentence to a traffic victim; hardship stays a condition', async () => {
    const l = await letter('traffic');
    expect(aidText(l)).toContain('第三十一条第（七）项');
    expect(aidText(l)).not.toContain('第四十二条');
    expect(labels(l, '法律援助法')).toEqual(['第三十一条第（七）项', '第三十二条']);
  });

  it('tells a victim of domestic violence that hardship is no condition (第三十二条第（四）项)', async () => {
    const l = await letter('divorce', { fault: 'violence', hasChildren: false });
    expect(aidText(l)).toContain('不受经济困难条件的限制（法律援助法第三十二条第（四）项）');
    expect(aidText(l)).not.toContain('第三十一条');
    const none = await letter('divorce');
    expect(aidText(none)).toContain('第三十一条第（四）项');
    expect(aidText(none)).not.toContain('第三十二条第（四）项');
  });

  it('refers to questions every scenario of a rule has', () => {
    for (const r of AID_RULES)
      for (const id of r.scenarios) {
        const s = findScenario(id)!;
        for (const leaf of r.when ? conditionRefs(r.when) : [])
          if ('q' in leaf)
            expect(
              s.questions.some((q) => q.id === leaf.q),
              `${id}.${leaf.q}`,
            ).toBe(true);
      }
  });
});

describe('injury articles follow the facts', () => {
  const living = {
    outcome: 'injured',
    appraised: false,
    hasDependant: false,
    mentalDamages: 0,
  };
  it('a living victim without disability or dependants: no death, disability or dependant articles', async () => {
    const l = await letter('traffic', living);
    const cited = labels(l, RSSH);
    expect(cited).toEqual(expect.arrayContaining(['第六条', '第七条', '第八条']));
    for (const no of ['第十二条', '第十四条', '第十五条', '第十六条', '第十七条'])
      expect(cited).not.toContain(no);
  });

  it('a death with a dependant cites 丧葬费, 死亡赔偿金 and 被扶养人生活费 (第十四、十五、十七条)', async () => {
    const l = await letter('traffic', {
      outcome: 'died',
      hasDependant: true,
      dependantAge: 8,
      supporters: 2,
    });
    const cited = labels(l, RSSH);
    expect(cited).toEqual(expect.arrayContaining(['第十四条', '第十五条', '第十六条', '第十七条']));
    expect(cited).not.toContain('第十二条');
  });

  it('a disability without dependants cites 第十二条 but not 第十七条', async () => {
    const l = await letter('traffic', { hasDependant: false });
    const cited = labels(l, RSSH);
    expect(cited).toContain('第十二条');
    expect(cited).not.toContain('第十七条');
    expect(cited).not.toContain('第十四条');
  });
});

describe('the court fee article', () => {
  it('quotes only 第十三条第（四）项 for a labour case', async () => {
    const l = await letter('labour');
    const a = l.articles.find((x) => x.title.includes('诉讼费用') && x.article === 13)!;
    expect(a.label).toBe('第十三条第（四）项');
    expect(a.text).toBe('案件受理费分别按照下列标准交纳：\n(四)劳动争议案件每件交纳10元。');
    expect(l.calculations.find((c) => c.calculator === 'courtFee')!.basis).toContain(
      '《诉讼费用交纳办法》第十三条第（四）项',
    );
  });

  it('quotes the brackets of 第十三条第（一）项 a property claim reaches, and no others', async () => {
    const l = await letter('loan');
    const a = l.articles.find((x) => x.title.includes('诉讼费用') && x.article === 13)!;
    const claim = l.calculations.find((c) => c.calculator === 'courtFee')!;
    expect(a.label).toBe('第十三条第（一）项');
    expect(a.text).toContain('1．不超过1万元的，每件交纳50元；');
    expect(a.text).not.toContain('(二)');
    expect(a.text).not.toContain('10．超过2000万元的部分');
    expect(claim.lines[0]!.amount).toBeGreaterThan(50);
  });

  it('quotes 第十三条第（二）项 point 1 for a divorce', async () => {
    const l = await letter('divorce');
    const a = l.articles.find((x) => x.title.includes('诉讼费用') && x.article === 13)!;
    expect(a.text).toContain('1．离婚案件每件交纳50元至300元');
    expect(a.text).not.toContain('人格权');
    expect(a.text).not.toContain('(一)');
  });

  it('refuses an excerpt whose 项 or point does not exist', () => {
    const text = '案件受理费：\n(一)财产案件：\n1．甲；\n2．乙。\n(二)其他。';
    expect(excerptItems(text, 1, [2])).toBe('案件受理费：\n(一)财产案件：\n2．乙。');
    expect(excerptItems(text, 3)).toBeNull();
    expect(excerptItems(text, 1, [3])).toBeNull();
  });
});

describe('wording and date', () => {
  it('reads the traffic heading as a sentence', async () => {
    const l = await letter('traffic', { liability: 'full' });
    expect(l.issues[0]).toBe('按事故认定（对方全部责任），对方应当承担的赔偿数额。');
    expect(l.issues.join('')).not.toContain('对方按');
  });

  it('dates a letter made at 04:28 Beijing time on 12-02 as 12-02 (China, UTC+8)', async () => {
    const l = await letter('labour', {}, new Date('2026-12-01T20:28:00Z'));
    expect(l.date).toBe('2026-12-02');
    expect(l.issuedAt).toBe('2026-12-01T20:28:00.000Z');
  });
});
