/** @module Lawyer and staff endpoints: live inbox, claiming pool questions, classifying, referrals, offline log. */
import { competentAgencyId } from '../aid/competence.js';
import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { API, route } from '../core/http.js';
import { IdParams } from '../core/schemas.js';
import { openStream, subscribeInbox, type InboxViewer } from './live.js';
import { addOfflineLog, listOfflineLogs } from './offline.js';
import { presentListItem } from './presenter.js';
import { loadFor } from './question-routes.js';
import {
  communitiesOf,
  inPool,
  inboxCounts,
  listQuestions,
  type ListFilter,
} from './repository.js';
import { Classify, InboxQuery, OfflineLogCreate } from './schema.js';
import { findReferral, findReferralOwner } from './thread-repository.js';
import { claim, classify, confirmReferral } from './service.js';
import { listReferrals, referralPrefill } from './referrals.js';

const LAWYERS = ['community_lawyer', 'aid_lawyer'] as const;
const INBOX = ['community_lawyer', 'aid_lawyer', 'aid_officer', 'admin'] as const;

async function viewerOf(ctx: AppContext, user: SessionUser): Promise<InboxViewer> {
  const isLawyer = user.role === 'community_lawyer' || user.role === 'aid_lawyer';
  return {
    user,
    communities: new Set(isLawyer ? await communitiesOf(ctx.db, user.id) : []),
    inPool: isLawyer && (await inPool(ctx.db, user.id)),
  };
}

const countsOf = (ctx: AppContext) => (v: InboxViewer) =>
  inboxCounts(ctx.db, {
    userId: v.user.id,
    communities: [...v.communities],
    inPool: v.inPool,
    staff: v.user.role === 'admin' || v.user.role === 'aid_officer',
    admin: v.user.role === 'admin',
  });

function filterFor(v: InboxViewer, box: string): ListFilter {
  const u = v.user;
  const staff = u.role === 'admin' || u.role === 'aid_officer';
  if (box === 'pool') {
    if (!v.inPool) throw AppError.of('not_in_pool', '您不在志愿律师库中');
    return { stage: 'pool', unclaimed: true };
  }
  if (box === 'hotline') {
    if (!staff) throw AppError.of('forbidden', '仅 12348 热线工作人员可查看热线队列');
    return { stage: 'hotline' };
  }
  if (box === 'all') {
    if (u.role !== 'admin') throw AppError.of('forbidden', '仅管理员可查看全部咨询');
    return {};
  }
  return { mine: { communities: [...v.communities], userId: u.id } };
}

/**
 * A referral (name, full phone, case text) is seen by the resident, the referring lawyer, administrators
 * and the officers of the agency competent for its district, not by every agency's officers.
 */
async function referralVisible(
  ctx: AppContext,
  user: SessionUser,
  r: { citizen_id: number; lawyer_id: number; fields: string },
): Promise<boolean> {
  if (user.id === r.citizen_id || user.id === r.lawyer_id || user.role === 'admin') return true;
  if (user.role !== 'aid_officer' || user.agencyId === null) return false;
  const district = (JSON.parse(r.fields) as { district?: unknown }).district;
  if (typeof district !== 'string') return false;
  return (await competentAgencyId(ctx.db, district)) === user.agencyId;
}

export function lawyerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['consult'];
  route(app, {
    method: 'GET',
    url: `${API}/consult/inbox`,
    summary: '律师收件箱（本社区、志愿律师库、热线队列）',
    tags,
    access: INBOX,
    query: InboxQuery,
    handler: async ({ user, query }) => {
      const v = await viewerOf(ctx, user);
      const f = filterFor(v, query.box);
      if (query.status !== 'all') f.status = query.status;
      const rows = await listQuestions(ctx.db, f);
      return {
        items: rows.map((r) => presentListItem(r, user)),
        counts: await countsOf(ctx)(v),
        inPool: v.inPool,
      };
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/inbox/stream`,
    summary: '律师收件箱实时推送（SSE：question、counts 事件）',
    tags,
    access: INBOX,
    csrfExempt: true,
    handler: async ({ user, req, reply }) => {
      const v = await viewerOf(ctx, user);
      const counts = await countsOf(ctx)(v);
      let stop = () => {};
      const send = openStream(req, reply, () => stop(), {
        id: user.id,
        limit: ctx.config.STREAMS_PER_USER,
      });
      stop = subscribeInbox(ctx, v, send, countsOf(ctx));
      send('counts', counts);
    },
  });
  route(app, {
    method: 'POST',
    url: `${API}/consult/questions/:id/claim`,
    summary: '认领咨询（志愿律师库或 12348 热线队列，先到先得）',
    tags,
    access: INBOX,
    params: IdParams,
    handler: async ({ user, params }) => {
      const { row } = await loadFor(ctx, params.id, user, 'claim');
      const q = await claim(ctx, user, row);
      return { id: q.id, claimedBy: q.claimed_by, hotlineClaimedBy: q.hotline_claimed_by };
    },
  });
  route(app, {
    method: 'POST',
    url: `${API}/consult/questions/:id/classify`,
    summary: '案件分类（法律援助时生成转介草稿）',
    tags,
    access: INBOX,
    params: IdParams,
    body: Classify,
    handler: async ({ user, params, body }) => {
      const { row } = await loadFor(ctx, params.id, user, 'classify');
      const r = await classify(ctx, user, row, body.category, body.caseType);
      return { ...r, applyUrl: r.referralId ? `/aid/apply?referral=${r.referralId}` : null };
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/referrals`,
    summary: '我的法律援助转介及援助申请进展（律师看自己转介的，管理员看全部）',
    tags,
    access: ['community_lawyer', 'aid_lawyer', 'admin'],
    handler: async ({ user }) => listReferrals(ctx, user),
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/referrals/:id/prefill`,
    summary: '法律援助申请预填（仅限已确认转介的群众本人）',
    tags,
    access: ['citizen'],
    params: IdParams,
    handler: async ({ user, params, req }) => ({
      prefill: await referralPrefill(ctx, user, params.id, req.ip),
    }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/referrals/:id`,
    summary: '法律援助转介（预填内容）',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ user, params, req }) => {
      const r = await findReferral(ctx.db, params.id);
      if (!r || !(await referralVisible(ctx, user, r))) throw notFound('转介');
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'consult_referral',
          entityId: r.id,
          ip: req.ip,
        },
        ctx.now(),
      );
      return {
        referral: {
          id: r.id,
          questionId: r.question_id,
          status: r.status,
          fields: JSON.parse(r.fields) as Record<string, unknown>,
          createdAt: r.created_at,
          confirmedAt: r.confirmed_at,
          applyUrl: `/aid/apply?referral=${r.id}`,
        },
      };
    },
  });
  route(app, {
    method: 'POST',
    url: `${API}/consult/referrals/:id/confirm`,
    summary: '群众确认法律援助转介',
    tags,
    access: ['citizen'],
    params: IdParams,
    handler: async ({ user, params }) => {
      const r = await findReferralOwner(ctx.db, params.id);
      if (!r || r.citizen_id !== user.id) throw notFound('转介');
      return confirmReferral(ctx, user, r.id);
    },
  });
  route(app, {
    method: 'POST',
    url: `${API}/consult/offline-logs`,
    summary: '登记线下服务',
    tags,
    access: LAWYERS,
    body: OfflineLogCreate,
    handler: async ({ user, body }) => ({ id: await addOfflineLog(ctx, user, body) }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/offline-logs`,
    summary: '线下服务台账（律师看自己的，管理员看全部）',
    tags,
    access: ['community_lawyer', 'aid_lawyer', 'admin'],
    handler: async ({ user }) => ({ items: await listOfflineLogs(ctx, user) }),
  });
}
