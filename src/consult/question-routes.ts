/** @module Resident-facing endpoints: pick a community, ask, follow the thread live, attach images, rate. */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../auth/plugin.js';
import { findDisplayName } from '../auth/repository.js';
import { resolveSession } from '../auth/service.js';
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { readUpload } from '../core/upload.js';
import { API, route } from '../core/http.js';
import { authorize, can } from '../core/policy.js';
import { IdParams } from '../core/schemas.js';
import { geographyTree, getProfile, setProfile } from './geography.js';
import { openStream, subscribeQuestion } from './live.js';
import { questionPolicy, type QuestionAction } from './policy.js';
import { presentListItem, presentQuestion } from './presenter.js';
import { listQuestions, loadQuestion } from './repository.js';
import {
  findAttachment,
  findCommunityPlace,
  findReferralOfQuestion,
  listQuestionAttachments,
  listQuestionEvents,
  listThreadMessages,
} from './thread-repository.js';
import { Ask, MessageCreate, ProfileUpdate, Rate } from './schema.js';
import { ask, postMessage, rate } from './service.js';
import { imageLimit, readAttachment, saveAttachment } from './uploads.js';

/** Loads a question and checks `action` (404 when the user may not even see it). */
export async function loadFor(
  ctx: AppContext,
  id: number,
  user: SessionUser,
  action: QuestionAction,
) {
  const found = await loadQuestion(ctx.db, id, user);
  authorize(questionPolicy, user, action, found?.resource);
  return found!;
}

async function detail(ctx: AppContext, id: number, user: SessionUser, ip: string) {
  const { row, resource } = await loadFor(ctx, id, user, 'read');
  const [citizen, community, messages, attachments, events, referral] = await Promise.all([
    findDisplayName(ctx.db, row.citizen_id),
    findCommunityPlace(ctx.db, row.community_id),
    listThreadMessages(ctx.db, id),
    listQuestionAttachments(ctx.db, id),
    listQuestionEvents(ctx.db, id),
    findReferralOfQuestion(ctx.db, id),
  ]);
  // The question text is the resident's personal account of her case: every read by someone else is audited.
  if (user.id !== row.citizen_id)
    await audit(
      ctx.db,
      {
        actor: user,
        action: 'read_personal_data',
        entity: 'consult_question',
        entityId: id,
        ip,
      },
      ctx.now(),
    );
  return presentQuestion(row, {
    resource,
    viewer: user,
    citizenName: citizen.display_name,
    community,
    messages,
    attachments,
    events,
    referral: referral ?? null,
  });
}

export async function questionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const tags = ['consult'];
  route(app, {
    method: 'GET',
    url: `${API}/consult/geography`,
    summary: '区、街道、社区（村）及其法律顾问',
    tags,
    access: 'public',
    handler: async () => ({ items: await geographyTree(ctx) }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/profile`,
    summary: '我所在的社区（村）',
    tags,
    access: 'user',
    handler: async ({ user }) => ({ profile: await getProfile(ctx, user.id) }),
  });
  route(app, {
    method: 'PUT',
    url: `${API}/consult/profile`,
    summary: '选择我所在的社区（村）',
    tags,
    access: ['citizen'],
    body: ProfileUpdate,
    handler: async ({ user, body }) => ({ profile: await setProfile(ctx, user, body.communityId) }),
  });
  route(app, {
    method: 'POST',
    url: `${API}/consult/questions`,
    summary: '向社区法律顾问提问',
    tags,
    access: ['citizen'],
    body: Ask,
    rateLimit: 30,
    handler: async ({ user, body }) => {
      const q = await ask(ctx, user, body);
      return { id: q.id, nextEscalationAt: q.next_escalation_at };
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/questions`,
    summary: '我的咨询',
    tags,
    access: ['citizen'],
    handler: async ({ user }) => ({
      items: (await listQuestions(ctx.db, { citizenId: user.id })).map((q) =>
        presentListItem(q, user),
      ),
    }),
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/questions/:id`,
    summary: '咨询详情（含对话）',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ user, params, req }) => ({
      question: await detail(ctx, params.id, user, req.ip),
    }),
  });
  route(app, {
    method: 'POST',
    url: `${API}/consult/questions/:id/messages`,
    summary: '回复或追问',
    tags,
    access: 'user',
    params: IdParams,
    body: MessageCreate,
    handler: async ({ user, params, body }) => {
      const { row } = await loadFor(ctx, params.id, user, 'reply');
      return postMessage(ctx, user, row, body.body);
    },
  });
  route(app, {
    method: 'POST',
    url: `${API}/consult/questions/:id/rating`,
    summary: '评价回复',
    tags,
    access: ['citizen'],
    params: IdParams,
    body: Rate,
    handler: async ({ user, params, body }) => {
      const { row } = await loadFor(ctx, params.id, user, 'rate');
      await rate(ctx, user, row, body.score, body.comment);
      return { ok: true };
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/questions/:id/stream`,
    summary: '咨询对话实时推送（SSE）',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ user, params, req, reply }) => {
      await loadFor(ctx, params.id, user, 'read');
      const token = req.cookies[SESSION_COOKIE] ?? '';
      let stop = () => {};
      const send = openStream(req, reply, () => stop(), {
        id: user.id,
        limit: ctx.config.STREAMS_PER_USER,
      });
      stop = subscribeQuestion(ctx, params.id, send, {
        // The session may have ended and the question may have moved on (claimed by another lawyer).
        allowed: async () => {
          const now = await resolveSession(ctx, token);
          if (now?.id !== user.id) return false;
          const found = await loadQuestion(ctx.db, params.id, now);
          return found !== undefined && can(questionPolicy, now, 'read', found.resource);
        },
        delivered: (ev) =>
          audit(
            ctx.db,
            {
              actor: user,
              action: ev.type === 'message' ? 'stream_message' : 'stream_status',
              entity: 'consult_question',
              entityId: params.id,
              detail: ev.message ? { message: ev.message.id } : { type: ev.type },
              ip: req.ip,
            },
            ctx.now(),
          ),
        end: () => reply.raw.end(),
      });
      send('ready', { questionId: params.id });
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/consult/attachments/:id`,
    summary: '下载咨询图片',
    tags,
    access: 'user',
    params: IdParams,
    handler: async ({ user, params, reply, req }) => {
      const a = await findAttachment(ctx.db, params.id);
      if (!a) throw AppError.of('not_found', '图片不存在');
      await loadFor(ctx, a.question_id, user, 'read');
      const data = await readAttachment(ctx, a.stored_name);
      // An image (a 欠条, an ID card) is personal data: each download is on the record.
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'download',
          entity: 'consult_question',
          entityId: a.question_id,
          detail: { attachment: a.id },
          ip: req.ip,
        },
        ctx.now(),
      );
      return reply
        .type(a.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(a.file_name)}`,
        )
        .send(data);
    },
  });
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: imageLimit(ctx), files: 1, fields: 0 } });
    route(scope, {
      method: 'POST',
      url: `${API}/consult/questions/:id/attachments`,
      summary: '上传咨询图片（multipart，JPG/PNG/GIF/WebP）',
      tags,
      access: ['citizen'],
      params: IdParams,
      handler: async ({ user, params, req }) => {
        await loadFor(ctx, params.id, user, 'attach');
        if (!req.isMultipart())
          throw AppError.of('unsupported_media_type', '请以 multipart/form-data 上传图片');
        const file = await readUpload(req, '请选择要上传的图片'); // too large → 413
        return saveAttachment(ctx, user, params.id, file);
      },
    });
  });
}
