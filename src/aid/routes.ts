/** @module Aid endpoints for applicants, lawyers and the case record: pre-check, apply, detail, events, files, PDF. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { audit } from '../core/audit.js';
import { AppError, badRequest } from '../core/errors.js';
import { API, route } from '../core/http.js';
import { authorize } from '../core/policy.js';
import { CoercedId, IdParams } from '../core/schemas.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import { EVALUATION_WEIGHTS, combinedScore } from './assignment.js';
import { caseDeadlines, loadSettings } from './deadlines.js';
import { decisionNotice } from './decision-pdf.js';
import { aidPolicy } from './policy.js';
import { precheckStep } from './precheck.js';
import { presentDetail, presentListItem } from './presenter.js';
import { currentLines, lineFor, sameApplicantSameMatter } from './repository.js';
import {
  findAgencyName,
  findEvaluation,
  findLatestDecisionStep,
  insertEvaluation,
  insertNote,
  listActiveRosterLawyers,
  listAgencies,
  listApplicationsOfApplicant,
  listAttachments,
  listCasesOfLawyer,
  listNotes,
  listSteps,
  saveCitizenFeedback,
} from './case-repository.js';
import {
  ApplicationSchema,
  CASE_TYPES,
  COMMITMENT_TEXT,
  CitizenFeedbackSchema,
  EvaluationSchema,
  EventSchema,
  NoteSchema,
  PrecheckSchema,
} from './schema.js';
import { applyEvent, createApplication, loadApplication, partyOf } from './service.js';
import { uploadRoutes } from './uploads.js';
import { availableEvents } from './transition.js';
import { STATES, TERMINATION_GROUNDS } from './workflow.js';
import { cityAgencyId } from './competence.js';
import { CASE_TYPE_LABELS } from './presenter.js';

const tags = ['aid'];

export async function aidRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  route(app, {
    method: 'POST',
    url: `${API}/aid/precheck`,
    summary: '法律援助条件自测（逐题）',
    tags,
    access: 'public',
    rateLimit: 120,
    body: PrecheckSchema,
    handler: async ({ body }) => {
      const lines = await currentLines(ctx.db, ctx.now());
      const step = precheckStep(
        body.answers,
        (region) => lineFor(lines, region)?.monthly_per_capita ?? null,
      );
      return 'question' in step
        ? { done: false, question: step.question }
        : { done: true, result: step.result };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/meta`,
    summary: '申请表选项与承诺书',
    tags,
    access: 'public',
    handler: async () => ({
      caseTypes: CASE_TYPES.map((v) => ({ value: v, label: CASE_TYPE_LABELS[v] ?? v })),
      regions: ['武汉市', ...WUHAN_DISTRICTS],
      terminationGrounds: Object.entries(TERMINATION_GROUNDS).map(([value, label]) => ({
        value,
        label,
      })),
      commitmentText: COMMITMENT_TEXT,
      agencies: await listAgencies(ctx.db),
    }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/lawyers`,
    summary: '法律援助律师名册（点援制）',
    tags,
    access: 'public',
    query: z.strictObject({ agencyId: CoercedId }),
    handler: async ({ query }) => {
      const rows = await listActiveRosterLawyers(ctx.db, query.agencyId);
      return {
        items: rows.map((r) => ({
          id: r.user_id,
          name: r.display_name,
          specialties: JSON.parse(r.specialties) as string[],
          yearsExperience: r.years_experience,
          famous: r.famous === 1,
        })),
      };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/aid/applications`,
    summary: '提交法律援助申请（网上或窗口代录）',
    tags,
    access: ['citizen', 'aid_officer', 'admin'],
    body: ApplicationSchema,
    handler: async ({ body, user, req }) => {
      const a = await createApplication(ctx, user, body, req.ip);
      return {
        id: a.id,
        refNo: a.ref_no,
        status: a.status,
        competentAgencyId: a.competent_agency_id,
      };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/applications/mine`,
    summary: '我的法律援助申请',
    tags,
    access: ['citizen'],
    handler: async ({ user }) => {
      const rows = await listApplicationsOfApplicant(ctx.db, user.id);
      const s = await loadSettings(ctx.db);
      return { items: rows.map((a) => presentListItem(a, caseDeadlines(a, s, ctx.now()))) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/lawyer/cases`,
    summary: '我承办的法律援助案件',
    tags,
    access: ['aid_lawyer'],
    handler: async ({ user }) => {
      const rows = await listCasesOfLawyer(ctx.db, user.id);
      return { items: rows.map((a) => presentListItem(a)) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/applications/:id`,
    summary: '法律援助申请详情（含办理进度）',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ user, params, req }) => {
      const a = authorize(aidPolicy, user, 'read', await loadApplication(ctx.db, params.id));
      const staff = user.role !== 'citizen' && user.role !== 'aid_lawyer';
      const [steps, files, notes, evaluation, s, cityId, others] = await Promise.all([
        listSteps(ctx.db, a.id),
        listAttachments(ctx.db, a.id),
        listNotes(ctx.db, a.id),
        findEvaluation(ctx.db, a.id),
        loadSettings(ctx.db),
        cityAgencyId(ctx.db),
        // Only staff see that the same person has another application for the same matter (Art. 21).
        staff ? sameApplicantSameMatter(ctx.db, a) : Promise.resolve([]),
      ]);
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'aid_application',
          entityId: a.id,
          ip: req.ip,
        },
        ctx.now(),
      );
      const party = partyOf(user, a, cityId);
      return {
        application: {
          ...presentDetail(
            a,
            steps,
            caseDeadlines(a, s, ctx.now()),
            party ? availableEvents(a, party, ctx.now()) : [],
          ),
          sameMatter: others.map((o) => ({
            id: o.id,
            refNo: o.ref_no,
            statusLabel: STATES[o.status as keyof typeof STATES] ?? o.status,
            agency: o.agency_name,
            receivedAt: o.received_at,
          })),
          attachments: files.map((f) => ({
            id: f.id,
            kind: f.kind,
            name: f.original_name,
            mime: f.mime,
            size: f.size,
            at: f.created_at,
          })),
          notes: notes.map((n) => ({ id: n.id, at: n.at, kind: n.kind, body: n.body })),
          evaluation: evaluation
            ? {
                satisfaction: evaluation.satisfaction,
                fileScore: evaluation.file_score,
                hearingScore: evaluation.hearing_score,
                courtScore: evaluation.court_score,
                combined: evaluation.combined,
                weights: JSON.parse(evaluation.weights) as unknown,
              }
            : null,
        },
      };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/aid/applications/:id/events`,
    summary: '办理操作（状态流转）',
    tags,
    access: 'user',
    params: IdParams,
    body: EventSchema,
    handler: async ({ user, params, body, req }) => {
      // Who may act is decided inside applyEvent, on the row as its transaction reads it (404 for those who
      // may not see it): a check here, before the transaction, could pass on a row that is about to move.
      const a = await applyEvent(ctx, params.id, user, body, req.ip);
      return { id: a.id, status: a.status };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/aid/applications/:id/notes`,
    summary: '承办进展记录',
    tags,
    access: ['aid_lawyer', 'aid_officer', 'admin'],
    params: IdParams,
    body: NoteSchema,
    handler: async ({ user, params, body, req }) => {
      const a = authorize(aidPolicy, user, 'read', await loadApplication(ctx.db, params.id));
      if (!['assigned', 'in_progress', 'lawyer_change_requested'].includes(a.status))
        throw badRequest('case_not_open', '案件不在办理中，不能添加进展记录');
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        await insertNote(trx, {
          applicationId: a.id,
          authorId: user.id,
          at: now.toISOString(),
          kind: 'progress',
          body: body.body,
        });
        await audit(
          trx,
          {
            actor: user,
            action: 'add_note',
            entity: 'aid_application',
            entityId: a.id,
            ip: req.ip,
          },
          now,
        );
      });
      return { ok: true };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/aid/applications/:id/evaluation`,
    summary: '一案一评',
    tags,
    access: ['aid_officer', 'admin'],
    params: IdParams,
    body: EvaluationSchema,
    handler: async ({ user, params, body, req }) => {
      const a = authorize(aidPolicy, user, 'manage', await loadApplication(ctx.db, params.id));
      // 回访 satisfaction: the officer's score, else the applicant's own 1–5 rating scaled to 100.
      const satisfaction =
        body.satisfaction ?? (a.citizen_satisfaction ? a.citizen_satisfaction * 20 : null);
      if (satisfaction === null)
        throw badRequest('satisfaction_required', '请先完成回访并填写满意度');
      const input = {
        satisfaction,
        file: body.fileScore,
        hearing: body.hearingScore,
        court: body.courtScore,
      };
      const combined = combinedScore(input);
      await applyEvent(ctx, a.id, user, { type: 'evaluate' }, req.ip, async (trx) => {
        await insertEvaluation(trx, {
          applicationId: a.id,
          satisfaction,
          fileScore: body.fileScore,
          hearingScore: body.hearingScore,
          courtScore: body.courtScore,
          combined,
          weights: JSON.stringify(EVALUATION_WEIGHTS),
          evaluatorId: user.id,
          createdAt: ctx.now().toISOString(),
        });
      });
      return { combined };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/aid/applications/:id/feedback`,
    summary: '受援人评价',
    tags,
    access: ['citizen'],
    params: IdParams,
    body: CitizenFeedbackSchema,
    handler: async ({ user, params, body, req }) => {
      const a = authorize(aidPolicy, user, 'read', await loadApplication(ctx.db, params.id));
      if (!['closed', 'evaluated'].includes(a.status))
        throw badRequest('not_closed', '案件结案后才能评价');
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        await saveCitizenFeedback(trx, a.id, {
          satisfaction: body.satisfaction,
          comment: body.comment ?? null,
          at: now.toISOString(),
        });
        await audit(
          trx,
          {
            actor: user,
            action: 'feedback',
            entity: 'aid_application',
            entityId: a.id,
            ip: req.ip,
          },
          now,
        );
      });
      return { ok: true };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/applications/:id/decision.pdf`,
    summary: '法律援助决定书（PDF）',
    tags,
    access: 'user',
    params: IdParams,
    rateLimit: ctx.config.PDF_RATE_LIMIT_PER_MINUTE, // a render is up to seconds of CPU
    handler: async ({ user, params, reply, req }) => {
      const a = authorize(aidPolicy, user, 'read', await loadApplication(ctx.db, params.id));
      const step = await findLatestDecisionStep(ctx.db, a.id);
      if (!step) throw AppError.of('no_decision', '尚未作出决定');
      const agency = await findAgencyName(ctx.db, a.agency_id);
      const pdf = await decisionNotice(a, agency.name, step.event !== 'decide_refuse');
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'aid_decision',
          entityId: a.id,
          ip: req.ip,
        },
        ctx.now(),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="decision-${a.id}.pdf"`)
        .send(pdf);
    },
  });

  await uploadRoutes(app, ctx);
}
