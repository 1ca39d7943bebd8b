/**
 * @module Printable standard forms of a case (申请表, 承诺书, 补正告知书 …): which ones the case's stage allows,
 * each generation audited and recorded under a fresh verification code, and a public check of that code
 * that tells which form, which case number and when — never personal data.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { API, route } from '../../core/http.js';
import { authorize } from '../../core/policy.js';
import { IdParams } from '../../core/schemas.js';
import { findAgencyName, findLatestDecisionStep } from '../case-repository.js';
import { decisionVerificationCode } from '../fee-waiver.js';
import { aidPolicy } from '../policy.js';
import { loadApplication } from '../service.js';
import type { AidApplication } from '../tables.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { renderForm } from './render.js';
import { findFormIssue, findUserName, insertFormIssue } from './repository.js';
import { availableForms, FORM_KEYS, FORMS, type FormContext } from './templates.js';

const tags = ['aid'];
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random code in the same unambiguous alphabet as the fee-waiver code (XXXXX-XXXXX). */
export function newFormCode(): string {
  const b = randomBytes(10);
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[b[i]! % 32];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

const normal = (c: string) => {
  const s = c.trim().toUpperCase().replace(/[\s-]/g, '');
  return `${s.slice(0, 5)}-${s.slice(5)}`;
};

async function formContext(db: Kysely<Database>, a: AidApplication): Promise<FormContext> {
  const step = await findLatestDecisionStep(db, a.id);
  const granted = step !== undefined && step.event !== 'decide_refuse';
  return {
    a,
    agencyName: (await findAgencyName(db, a.agency_id)).name,
    competentAgencyName: (await findAgencyName(db, a.competent_agency_id)).name,
    receivedAgencyName: (await findAgencyName(db, a.received_agency_id)).name,
    lawyerName: await findUserName(db, a.assigned_lawyer_id),
    feeWaiverCode: granted ? decisionVerificationCode(a) : null,
  };
}

const FormParams = IdParams.extend({ form: z.enum(FORM_KEYS) });

export function formRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/aid/applications/:id/forms`,
    summary: '案件当前可出具的文书',
    tags,
    access: ['aid_officer', 'admin'],
    params: IdParams,
    handler: async ({ user, params }) => {
      const a = authorize(aidPolicy, user, 'manage', await loadApplication(ctx.db, params.id));
      const forms = availableForms(a);
      const c = await formContext(ctx.db, a);
      return { forms: forms.map((key) => ({ key, title: FORMS[key].title(c) })) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/applications/:id/forms/:form`,
    summary: '出具文书（PDF，附核验码）',
    tags,
    access: ['aid_officer', 'admin'],
    params: FormParams,
    rateLimit: ctx.config.PDF_RATE_LIMIT_PER_MINUTE, // a render is up to seconds of CPU
    handler: async ({ user, params, reply, req }) => {
      const a = authorize(aidPolicy, user, 'manage', await loadApplication(ctx.db, params.id));
      const template = FORMS[params.form];
      if (!template.available(a)) throw AppError.of('form_not_available');
      const c = await formContext(ctx.db, a);
      const code = newFormCode();
      const pdf = await renderForm(template, c, code);
      const now = ctx.now();
      // Recorded only once rendered, so a code never names a form that was not handed out.
      await ctx.db.transaction().execute(async (trx) => {
        await insertFormIssue(trx, {
          code,
          form: params.form,
          application_id: a.id,
          ref_no: a.ref_no,
          issued_by: user.id,
          issued_at: now.toISOString(),
        });
        await audit(
          trx,
          {
            actor: user,
            action: 'read_personal_data',
            entity: `aid_form_${params.form}`,
            entityId: a.id,
            ip: req.ip,
          },
          now,
        );
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${params.form}-${a.id}.pdf"`)
        .send(pdf);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/forms/verify/:code`,
    summary: '核验法律援助文书',
    tags,
    access: 'public',
    rateLimit: 60,
    params: z.object({ code: z.string().min(1).max(20) }),
    handler: async ({ params }) => {
      const hit = await findFormIssue(ctx.db, normal(params.code));
      if (!hit) throw AppError.of('form_not_found');
      const key = hit.form as keyof typeof FORMS;
      return {
        form: hit.form,
        title: FORM_TITLES[key] ?? hit.form,
        refNo: hit.ref_no,
        issuedAt: hit.issued_at,
      };
    },
  });
}

/** Titles for the public check (the decision names both kinds: which one is not told without the paper). */
const FORM_TITLES: Record<string, string> = {
  application: '法律援助申请表',
  commitment: '经济困难状况个人诚信承诺书',
  oral_record: '口头申请法律援助笔录',
  supplement: '法律援助申请补正材料告知书',
  acceptance: '法律援助申请受理通知书',
  transfer: '法律援助申请转交函',
  decision: '法律援助决定书',
  assignment: '指派通知书（公函）',
  termination: '终止法律援助决定书',
};
