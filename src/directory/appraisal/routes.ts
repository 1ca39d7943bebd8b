/** @module 司法鉴定 monitoring endpoints: institutions register and move their cases; the bureau sees all institutions. */
import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../core/session.js';
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { API, route } from '../../core/http.js';
import { authorize, can } from '../../core/policy.js';
import { IdParams } from '../../core/schemas.js';
import { institutionPolicy } from '../policy.js';
import { findEntry, institutionsOf, staffIdsOf } from '../repository.js';
import { chinaDate } from '../workdays.js';
import { casePolicy } from './policy.js';
import { presentCase } from './presenter.js';
import { findCase, listCases, summaryByInstitution } from './repository.js';
import { CaseQuery, EventBody, NewCaseBody } from './schema.js';
import { applyEvent, registerCase } from './service.js';

const tags = ['appraisal'];

/** The appraisal institutions a user works for; `null` for the bureau (sees all). */
async function scopeOf(ctx: AppContext, user: SessionUser): Promise<number[] | null> {
  if (user.role === 'admin') return null;
  if (user.role !== 'appraisal_staff')
    throw forbidden('仅司法鉴定机构工作人员和司法局管理员可查看鉴定案件');
  const mine = (await institutionsOf(ctx.db, user.id)).filter(
    (e) => e.kind === 'appraisal_institution',
  );
  if (!mine.length) throw forbidden('仅司法鉴定机构工作人员和司法局管理员可查看鉴定案件');
  return mine.map((e) => e.id);
}

async function loadCase(ctx: AppContext, user: SessionUser, id: number, action: 'read' | 'handle') {
  const c = await findCase(ctx.db, id);
  const resource = c
    ? { institutionId: c.institution_id, staffIds: await staffIdsOf(ctx.db, c.institution_id) }
    : null;
  authorize(casePolicy, user, action, resource);
  return { c: c!, canHandle: can(casePolicy, user, 'handle', resource!) };
}

export function appraisalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const today = () => chinaDate(ctx.now());

  route(app, {
    method: 'POST',
    url: `${API}/appraisal/cases`,
    summary: '登记鉴定委托（统一赋码）',
    tags,
    access: 'user',
    body: NewCaseBody,
    handler: async ({ body, user }) => {
      const inst = await findEntry(ctx.db, body.institutionId);
      const resource =
        inst?.kind === 'appraisal_institution'
          ? {
              id: inst.id,
              staffIds: await staffIdsOf(ctx.db, inst.id),
              staffRole: 'appraisal_staff' as const,
            }
          : null;
      authorize(institutionPolicy, user, 'act', resource);
      if (!resource!.staffIds.includes(user.id))
        throw forbidden('只有本鉴定机构工作人员可登记委托');
      return registerCase(ctx, user, body);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/appraisal/cases`,
    summary: '鉴定案件监管列表',
    tags,
    access: 'user',
    query: CaseQuery,
    handler: async ({ query, user }) => {
      const scope = await scopeOf(ctx, user);
      const r = await listCases(ctx.db, scope, query, today());
      const handles = new Set(scope ?? []);
      return {
        items: r.items.map((c) =>
          presentCase(c, today(), { full: false, canHandle: handles.has(c.institution_id) }),
        ),
        total: r.total,
        page: query.page,
      };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/appraisal/summary`,
    summary: '各鉴定机构案件情况（司法局）',
    tags,
    access: ['admin'],
    handler: async () => ({ today: today(), items: await summaryByInstitution(ctx.db, today()) }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/appraisal/cases/:id`,
    summary: '鉴定案件详情',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ params, user, req }) => {
      const { c, canHandle } = await loadCase(ctx, user, params.id, 'read');
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'appraisal_case',
          entityId: c.id,
          ip: req.ip,
        },
        ctx.now(),
      );
      return { case: presentCase(c, today(), { full: true, canHandle }) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/appraisal/cases/:id/events`,
    summary: '推进鉴定环节（受理、鉴定、延期、出具意见书、归档）',
    tags,
    access: 'user',
    params: IdParams,
    body: EventBody,
    handler: async ({ params, body, user }) => {
      await loadCase(ctx, user, params.id, 'handle');
      await applyEvent(ctx, user, params.id, body.event, body.days, body.note);
      const { c, canHandle } = await loadCase(ctx, user, params.id, 'read');
      return { case: presentCase(c, today(), { full: false, canHandle }) };
    },
  });
}
