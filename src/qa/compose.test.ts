import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../search/types.js';
import { keySentence, relevantHits } from './compose.js';
import { legalAidGrounds, nextStepTemplates } from './guidance.js';
import { isFollowUp } from './conversation.js';

const ART_85 =
  '用人单位有下列情形之一的，由劳动行政部门责令限期支付劳动报酬、加班费或者经济补偿；劳动报酬低于当地最低工资标准的，应当支付其差额部分；逾期不支付的，责令用人单位按应付金额百分之五十以上百分之一百以下的标准向劳动者加付赔偿金：\n（一）未按照劳动合同的约定或者国家规定及时足额支付劳动者劳动报酬的；\n（二）低于当地最低工资标准支付劳动者工资的；\n（三）安排加班不支付加班费的；';

describe('the conclusion sentence', () => {
  it('takes the sentence of the article that best matches the question, with its lead for an item', () => {
    const s = keySentence(ART_85, '老板安排加班不支付加班费怎么办');
    expect(s).toContain('安排加班不支付加班费');
    expect(s.startsWith('用人单位有下列情形之一的')).toBe(true);
  });
  it('falls back to the lead sentence and never runs on past 160 characters', () => {
    const s = keySentence(ART_85, '完全无关的内容');
    expect(s.startsWith('用人单位有下列情形之一的')).toBe(true);
    expect([...s].length).toBeLessThanOrEqual(160);
  });
});

describe('guidance data', () => {
  it('has next steps for every topic, with statute bases as data', () => {
    expect(nextStepTemplates('劳动争议').some((s) => s.basis?.law === '劳动争议调解仲裁法')).toBe(
      true,
    );
    expect(nextStepTemplates('其他').length).toBeGreaterThan(0);
  });
  it('finds 法律援助法 Art. 31/32 grounds by keyword or topic, and none for company registration', () => {
    expect(legalAidGrounds('老板拖欠工资三个月', '劳动争议').map((g) => g.item)).toEqual(['五']);
    expect(legalAidGrounds('丈夫经常家暴我', '婚姻家庭')[0]?.article).toBe(32);
    expect(legalAidGrounds('我的车被追尾了', '交通事故')[0]?.item).toBe('七');
    expect(legalAidGrounds('注册一家有限责任公司需要什么手续', '公司')).toEqual([]);
  });
});

describe('follow-up questions', () => {
  it('treats short or back-pointing questions as follow-ups', () => {
    expect(isFollowUp('那加班费呢？')).toBe(true);
    expect(isFollowUp('如果公司不承认劳动关系，我应该准备哪些证据？')).toBe(true);
    expect(isFollowUp('离婚时夫妻共同财产一般怎么分割，房子写的是男方名字')).toBe(false);
  });
});

describe('relevance of the hits to a question of no known topic', () => {
  const hit = (lawTitle: string, text: string, score = 1): SearchHit =>
    ({ lawTitle, text, score, law: lawTitle, article: 1 }) as unknown as SearchHit;
  const ask = (question: string, hits: SearchHit[]) =>
    relevantHits({ question, topic: '其他', topicConfidence: 0, hits, conversationId: 'c' });

  it('keeps the hits when one of the best three shares the question’s words', () => {
    const hits = [
      hit(
        '中华人民共和国民法典',
        '民事主体享有名誉权。任何组织或者个人不得以侮辱、诽谤等方式侵害他人的名誉权。',
      ),
      hit(
        '治安管理处罚法',
        '公然侮辱他人或者捏造事实诽谤他人的，处五日以下拘留或者五百元以下罚款。',
      ),
      hit('中华人民共和国民法典', '在公共场所辱骂他人的，应当承担民事责任。'),
    ];
    expect(ask('在公共场所辱骂他人要承担责任吗', hits)).toHaveLength(3);
  });

  it('drops them when none of the best three does', () => {
    const hits = [
      hit('中华人民共和国民法典', '当事人一方不履行合同义务的，应当承担违约责任。'),
      hit('专利法实施细则', '专利申请文件应当使用中文。'),
      hit('人工影响天气管理条例', '人工影响天气作业应当遵守规定。'),
      hit('中华人民共和国民法典', '我家猫咪不吃饭的，应当带去宠物医院。'),
    ];
    expect(ask('我家猫咪不吃饭怎么办', hits)).toEqual([]);
  });
});
