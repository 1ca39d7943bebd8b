/**
 * The shared contracts hold for what the server really sends: presenters' output for real fixtures
 * (aid, consult) and the laws API over real statute files parse with their schemas, field for field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { caseDeadlines, DEFAULT_SETTINGS } from '../aid/deadlines.js';
import { presentDetail, presentListItem } from '../aid/presenter.js';
import { makeApplication } from '../test/aid-fixtures.js';
import type { SessionUser } from '../core/session.js';
import { presentListItem as presentQuestionItem, presentQuestion } from '../consult/presenter.js';
import type { QuestionRow } from '../consult/repository.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import { AidDetail, AidListItem } from './aid.js';
import { ConsultListItem, ConsultQuestion } from './consult.js';
import { ArticleDetail, LawDetail, LawList, Levels } from './laws.js';

/** Parses and requires that nothing the presenter sent was dropped (the contract names every field). */
function holds<S extends z.ZodType>(schema: S, value: unknown): void {
  const r = schema.safeParse(value);
  expect(r.success ? [] : r.error.issues).toEqual([]);
  expect(r.data).toEqual(JSON.parse(JSON.stringify(value)));
}

describe('aid contract', () => {
  const now = new Date('2026-03-04T02:00:00.000Z');
  const a = makeApplication({
    status: 'under_review',
    supplement_items: JSON.stringify(['身份证复印件']),
    supplement_requested_at: '2026-03-03T02:00:00.000Z',
    supplement_deadline: '2026-03-18',
  });
  const d = caseDeadlines(a, DEFAULT_SETTINGS, now);
  const step = {
    id: 1,
    application_id: a.id,
    at: '2026-03-02T02:00:00.000Z',
    event: 'receive',
    from_status: 'draft',
    to_status: 'received',
    note: null,
    actor_id: 1,
    actor_role: 'aid_officer',
  };

  it('a list row (masked) parses with AidListItem', () => {
    holds(AidListItem, presentListItem(a, d));
    holds(AidListItem, presentListItem(a));
  });

  it('the detail parses with AidDetail', () => {
    const detail = presentDetail(a, [step] as Parameters<typeof presentDetail>[1], d, [
      'request_supplement',
    ]);
    holds(AidDetail, detail);
    expect(detail.timeline).toHaveLength(1);
    expect(detail.supplement?.items).toEqual(['身份证复印件']);
  });
});

describe('consult contract', () => {
  const q: QuestionRow = {
    id: 7,
    citizen_id: 3,
    community_id: 2,
    body: '公司拖欠工资三个月，我可以申请劳动仲裁吗？需要准备哪些材料？'.repeat(2),
    transcript: JSON.stringify({ text: '问：……' }),
    conversation_id: 'c1',
    stage: 'pool',
    status: 'answered',
    claimed_by: 9,
    claimed_at: '2026-03-02T02:05:00.000Z',
    hotline_claimed_by: null,
    hotline_claimed_at: null,
    next_escalation_at: null,
    first_response_at: '2026-03-02T02:07:30.000Z',
    first_responder_id: 9,
    category: 'consultation',
    rating: 5,
    rating_comment: null,
    attachment_count: 1,
    created_at: '2026-03-02T02:00:00.000Z',
    updated_at: '2026-03-02T02:07:30.000Z',
  };
  const viewer: SessionUser = {
    id: 9,
    username: 'lawyer1',
    role: 'community_lawyer',
    displayName: '李律师',
    agencyId: null,
    csrfToken: 'x',
  };

  it('a list row parses with ConsultListItem', () => {
    const item = presentQuestionItem(
      { ...q, citizen_name: '张三丰', community_name: '花园社区' },
      viewer,
    );
    holds(ConsultListItem, item);
    expect(item.citizen).toBe('张**');
  });

  it('the thread parses with ConsultQuestion', () => {
    holds(
      ConsultQuestion,
      presentQuestion(q, {
        resource: {
          id: 7,
          citizenId: 3,
          communityId: 2,
          lawyerIds: [9],
          stage: 'pool',
          status: 'answered',
          claimedBy: 9,
          hotlineClaimedBy: null,
          answered: true,
          rated: true,
          viewerInPool: false,
        },
        viewer,
        citizenName: '张三丰',
        community: { name: '花园社区', street: '中南路街道', district: '武昌区' },
        messages: [
          {
            id: 1,
            question_id: 7,
            author_id: 9,
            author_kind: 'lawyer',
            author_name: '李律师',
            body: '可以，先收集劳动合同和工资流水。',
            created_at: '2026-03-02T02:07:30.000Z',
          },
        ],
        attachments: [
          {
            id: 4,
            question_id: 7,
            file_name: 'a.png',
            mime: 'image/png',
            size: 1234,
            stored_name: 'k',
            created_at: '2026-03-02T02:01:00.000Z',
          },
        ],
        events: [{ kind: 'asked', at: '2026-03-02T02:00:00.000Z' }],
        referral: { id: 2, status: 'draft' },
      }),
    );
  });
});

describe('laws contract, over real statute files', () => {
  let t: TestApp;
  const get = async (url: string) => (await t.request({ method: 'GET', url })).json<unknown>();
  const enc = encodeURIComponent;
  beforeAll(async () => {
    t = await createTestApp();
    await importLawFixture(t.ctx, [
      '民法商法/公司法(2018-10-26).md',
      '民法商法/公司法(2023-12-29).md',
      '行政法规/信访条例(2005-01-10).md',
    ]);
  });
  afterAll(() => t.close());

  it('the list, levels, a law and an article (old version, 繁体) parse', async () => {
    holds(LawList, await get('/api/v1/laws'));
    holds(Levels, await get('/api/v1/laws/levels'));
    holds(LawDetail, await get(`/api/v1/laws/${enc('公司法')}?full=1`));
    holds(LawDetail, await get(`/api/v1/laws/${enc('信访条例')}`));
    const old = await get(
      `/api/v1/laws/${enc('公司法')}/articles/${enc('第一条')}?version=2018-10-26&locale=zh-TW`,
    );
    holds(ArticleDetail, old);
    expect((old as { current: unknown }).current).not.toBeNull();
  });
});
