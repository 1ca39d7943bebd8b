import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { applicationBody } from '../test/aid-api.js';
import { ApplicationSchema } from './schema.js';
import { exemptionMismatch } from './service.js';

/** The 免予核查 basis must fit the matter (法律援助法 Art. 25, 32, 42). */
const input = (over: Record<string, unknown>) => ApplicationSchema.parse(applicationBody(over));
const exempt = (article: string) => ({ hardship: { basis: 'exempt', article } });

describe('exemption articles against the matter', () => {
  it('accepts each article where the Law puts it', () => {
    const ok = [
      input({ ...exempt('第四十二条第三项'), caseType: 'labour_pay' }),
      input({ ...exempt('第四十二条第三项'), caseType: 'injury' }),
      input({
        ...exempt('第二十五条'),
        caseCategory: 'criminal_defence',
        caseType: 'criminal_defence',
      }),
      input({ ...exempt('第三十二条'), caseType: 'state_compensation' }),
      input({ ...exempt('第四十二条第一项'), caseType: 'maintenance' }),
    ];
    expect(ok.map(exemptionMismatch)).toEqual([null, null, null, null, null]);
  });

  it('refuses each article outside its matters', () => {
    expect(
      exemptionMismatch(input({ ...exempt('第四十二条第三项'), caseType: 'maintenance' })),
    ).toContain('进城务工人员');
    expect(exemptionMismatch(input({ ...exempt('第二十五条'), caseType: 'labour_pay' }))).toContain(
      '通知辩护',
    );
    expect(
      exemptionMismatch(
        input({
          ...exempt('第三十二条'),
          caseCategory: 'criminal_defence',
          caseType: 'criminal_defence',
        }),
      ),
    ).toContain('刑事辩护');
  });
});

describe('over HTTP', () => {
  let t: TestApp;
  let citizen: Session;
  beforeAll(async () => {
    t = await createTestApp();
    citizen = await t.signIn('citizen');
  });
  afterAll(() => t.close());

  it('answers 400 exemption_mismatch and writes nothing', async () => {
    const before = await t.ctx.db.selectFrom('aid_applications').select('id').execute();
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({ ...exempt('第四十二条第三项'), caseType: 'maintenance' }),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('exemption_mismatch');
    expect(await t.ctx.db.selectFrom('aid_applications').select('id').execute()).toHaveLength(
      before.length,
    );
  });
});
