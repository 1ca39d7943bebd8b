/** @module Subsidy endpoints (Art. 52): standards (bureau data), compute on a closed and evaluated case, approve, payment export. */
import type { FastifyInstance } from 'fastify';
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { forbidden, notFound } from '../../core/errors.js';
import { toCsv, toXlsx, XLSX_TYPE } from '../../core/export.js';
import { API, route } from '../../core/http.js';
import { IdParams } from '../../core/schemas.js';
import type { SessionUser } from '../../core/session.js';
import { CASE_TYPE_LABELS } from '../presenter.js';
import { agencyNames } from '../repository.js';
import { STAGES, type Stage } from './compute.js';
import { PAYMENT_COLUMNS, presentSubsidy } from './presenter.js';
import { caseWithEvaluation, findSubsidy, listStandards, listSubsidies } from './repository.js';
import {
  ComputeSchema,
  ExportQuery,
  StandardSchema,
  SubsidyEventSchema,
  SubsidyQuery,
} from './schema.js';
import { computeSubsidy, fireSubsidyEvent, setStandard } from './service.js';

const tags = ['aid'];
const READERS = ['aid_officer', 'admin', 'aid_evaluator'] as const;
const base = `${API}/aid/subsidies`;

/** An officer sees her agency's subsidies; the bureau and the third-party evaluator every agency's. */
const scopeOf = (u: SessionUser, named?: number) =>
  u.role === 'aid_officer' ? (u.agencyId ?? -1) : (named ?? null);

export function subsidyRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/aid/subsidy-standards`,
    summary: '法律援助补贴标准',
    tags,
    access: READERS,
    handler: async () => ({
      items: (await listStandards(ctx.db)).map((s) => ({
        id: s.id,
        caseType: s.case_type,
        caseTypeLabel: CASE_TYPE_LABELS[s.case_type] ?? s.case_type,
        stage: s.stage,
        stageLabel: STAGES[s.stage as Stage] ?? s.stage,
        amount: s.amount,
        effectiveFrom: s.effective_from,
        note: s.note,
      })),
    }),
  });

  route(app, {
    method: 'PUT',
    url: `${API}/aid/subsidy-standards`,
    summary: '设定补贴标准（按案件类型和阶段，自某日起）',
    tags,
    access: ['admin'],
    body: StandardSchema,
    handler: async ({ user, body, req }) => {
      await setStandard(ctx, user, body, req.ip);
      return { ok: true };
    },
  });

  route(app, {
    method: 'POST',
    url: base,
    summary: '核算已结案并完成一案一评案件的补贴',
    tags,
    access: READERS,
    body: ComputeSchema,
    handler: async ({ user, body, req }) => {
      const a = await caseWithEvaluation(ctx.db, body.applicationId);
      if (!a || (user.role === 'aid_officer' && a.agency_id !== user.agencyId))
        throw notFound('法律援助案件');
      const id = await computeSubsidy(ctx, user, a, req.ip);
      const [row] = (await listSubsidies(ctx.db, { agencyId: null })).filter((s) => s.id === id);
      return { subsidy: presentSubsidy(row!, await agencyNames(ctx.db), user.role === 'admin') };
    },
  });

  route(app, {
    method: 'GET',
    url: base,
    summary: '补贴清单',
    tags,
    access: READERS,
    query: SubsidyQuery,
    handler: async ({ user, query }) => {
      const rows = await listSubsidies(ctx.db, {
        agencyId: scopeOf(user, query.agencyId),
        ...(query.status ? { status: query.status } : {}),
      });
      const names = await agencyNames(ctx.db);
      return { items: rows.map((s) => presentSubsidy(s, names, user.role === 'admin')) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${base}/:id/events`,
    summary: '审批或退回补贴（司法行政部门）',
    tags,
    access: ['admin'],
    params: IdParams,
    body: SubsidyEventSchema,
    handler: async ({ user, params, body, req }) => {
      const s = await findSubsidy(ctx.db, params.id);
      if (!s) throw notFound('补贴');
      if (user.role !== 'admin') throw forbidden();
      const saved = await fireSubsidyEvent(ctx, user, s, body, req.ip);
      const [row] = (await listSubsidies(ctx.db, { agencyId: null })).filter(
        (x) => x.id === saved.id,
      );
      return { subsidy: presentSubsidy(row!, await agencyNames(ctx.db), true) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${base}/export`,
    summary: '导出已审批补贴（发放清单，CSV 或 Excel）',
    tags,
    access: ['admin'],
    query: ExportQuery,
    handler: async ({ user, query, reply, req }) => {
      const names = await agencyNames(ctx.db);
      const rows = (await listSubsidies(ctx.db, { agencyId: null, status: 'approved' }))
        .filter(
          (s) =>
            (!query.from || s.approved_at!.slice(0, 10) >= query.from) &&
            (!query.to || s.approved_at!.slice(0, 10) <= query.to),
        )
        .map((s) => presentSubsidy(s, names, false));
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'export',
          entity: 'aid_subsidies',
          detail: { format: query.format, rows: rows.length },
          ip: req.ip,
        },
        ctx.now(),
      );
      if (query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="aid-subsidies.csv"')
          .send(toCsv(PAYMENT_COLUMNS, rows));
      const buf = await toXlsx([{ name: '法律援助补贴发放清单', columns: PAYMENT_COLUMNS, rows }]);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="aid-subsidies.xlsx"')
        .send(buf);
    },
  });
}
