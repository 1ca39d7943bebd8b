/** @module Opinion API: scenarios, interviews (signed-in or kiosk token), letters (JSON and PDF), verification, figures. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.js';
import { audit } from '../core/audit.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { API, route } from '../core/http.js';
import { registerAnonymousCredential } from '../core/visit.js';
import { IdParams } from '../core/schemas.js';
import { converterFor } from '../laws/locale.js';
import { EXAMPLE_SOURCE, FIGURE_KEYS } from './figures.js';
import { convertContent } from './letter.js';
import { PDF_LABELS, renderLetterPdf } from './letter-pdf.js';
import { authorizeOwner, hashToken, type Actor } from './policy.js';
import { presentFigure, presentLetter, presentScenario, presentSession } from './presenter.js';
import * as repo from './repository.js';
import {
  AnswerBody,
  CodeParams,
  FigureBody,
  FigurePatch,
  LocaleQuery,
  MoveBody,
  StartBody,
} from './schema.js';
import * as svc from './service.js';
import { SCENARIOS } from './scenarios/index.js';
import { scenarioAvailability } from './startup.js';

/** The kiosk token travels in an HttpOnly cookie (browsers) or the x-opinion-token header (API clients). */
export const TOKEN_COOKIE = 'opinion_token';

registerAnonymousCredential({
  cookie: TOKEN_COOKIE,
  path: '/api/v1/opinion',
  revoke: async (ctx, req) => {
    const hash = actorOf(req).tokenHash;
    if (hash) await repo.revokeToken(ctx.db, hash);
  },
});

function actorOf(req: FastifyRequest): Actor {
  const raw = (req.headers['x-opinion-token'] as string | undefined) ?? req.cookies[TOKEN_COOKIE];
  return { user: req.user, tokenHash: raw ? hashToken(raw) : null };
}

async function loadSession(ctx: AppContext, req: FastifyRequest, id: number) {
  const actor = actorOf(req);
  return { actor, row: authorizeOwner(actor, await repo.findSession(ctx.db, id), '问答记录') };
}

async function sessionView(ctx: AppContext, row: repo.SessionRecord) {
  return presentSession(
    row,
    svc.scenarioOf(row.scenario_id),
    await repo.lettersOfSession(ctx.db, row.id),
  );
}

export function opinionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['opinion'];
  route(app, {
    method: 'GET',
    url: `${API}/opinion/scenarios`,
    summary: '法律意见书情景列表',
    tags,
    access: 'public',
    handler: () =>
      Promise.resolve({
        items: SCENARIOS.map((s) => presentScenario(s, scenarioAvailability(ctx).get(s.id))),
      }),
  });

  route(app, {
    method: 'POST',
    url: `${API}/opinion/sessions`,
    summary: '开始一次问答（未登录时以自助终端令牌保存）',
    tags,
    access: 'public',
    body: StartBody,
    rateLimit: 60,
    handler: async ({ body, req, reply }) => {
      const actor = actorOf(req);
      const r = await svc.startSession(ctx, actor, body.scenarioId, req.ip);
      if (r.token)
        reply.setCookie(TOKEN_COOKIE, r.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.COOKIE_SECURE,
          path: '/api/v1/opinion',
        });
      const row = (await repo.findSession(ctx.db, r.id))!;
      return { session: await sessionView(ctx, row), ...(r.token ? { token: r.token } : {}) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/opinion/sessions/:id`,
    summary: '问答进度（可续答）',
    tags,
    access: 'public',
    params: IdParams,
    handler: async ({ params, req }) => {
      const { actor, row } = await loadSession(ctx, req, params.id);
      await svc.auditRead(ctx, actor, 'opinion_session', row.id, req.ip);
      return { session: await sessionView(ctx, row) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/opinion/sessions/:id/answers`,
    summary: '回答当前问题',
    tags,
    access: 'public',
    params: IdParams,
    body: AnswerBody,
    handler: async ({ params, body, req }) => {
      const { actor, row } = await loadSession(ctx, req, params.id);
      const updated = await svc.answer(ctx, actor, row, body.questionId, body.value, req.ip);
      return { session: await sessionView(ctx, updated) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/opinion/sessions/:id/move`,
    summary: '上一题 / 下一题（不丢失已填答案）',
    tags,
    access: 'public',
    params: IdParams,
    body: MoveBody,
    handler: async ({ params, body, req }) => {
      const { row } = await loadSession(ctx, req, params.id);
      return { session: await sessionView(ctx, await svc.move(ctx, row, body.direction)) };
    },
  });

  route(app, {
    method: 'POST',
    url: `${API}/opinion/sessions/:id/letter`,
    summary: '生成法律意见书',
    tags,
    access: 'public',
    params: IdParams,
    rateLimit: 30,
    handler: async ({ params, req }) => {
      const { actor, row } = await loadSession(ctx, req, params.id);
      return {
        letter: await svc.issueLetter(ctx, actor, row, req.ip, `${req.protocol}://${req.host}`),
      };
    },
  });

  letterRoutes(app, ctx);
  figureRoutes(app, ctx);
}

function letterRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['opinion'];
  const load = async (req: FastifyRequest, id: number) => {
    const actor = actorOf(req);
    const row = authorizeOwner(actor, await repo.findLetter(ctx.db, id), '意见书');
    await svc.auditRead(ctx, actor, 'opinion_letter', row.id, req.ip);
    return row;
  };

  route(app, {
    method: 'GET',
    url: `${API}/opinion/letters`,
    summary: '我的法律意见书',
    tags,
    access: 'user',
    handler: async ({ user }) => ({ items: await repo.lettersOfUser(ctx.db, user.id) }),
  });

  route(app, {
    method: 'GET',
    url: `${API}/opinion/letters/:id`,
    summary: '法律意见书（网页版；locale=zh-TW 为繁体）',
    tags,
    access: 'public',
    params: IdParams,
    query: LocaleQuery,
    handler: async ({ params, query, req }) => {
      const row = await load(req, params.id);
      const content = convertContent(svc.letterContent(row), converterFor(query.locale));
      return { letter: presentLetter(row.id, content, row.content_sha256) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/opinion/letters/:id/pdf`,
    summary: '法律意见书 PDF（A4）',
    tags,
    access: 'public',
    params: IdParams,
    rateLimit: ctx.config.PDF_RATE_LIMIT_PER_MINUTE, // a render is up to seconds of CPU
    query: LocaleQuery,
    handler: async ({ params, query, req, reply }) => {
      const row = await load(req, params.id);
      const convert = converterFor(query.locale);
      const pdf = await renderLetterPdf(
        convertContent(svc.letterContent(row), convert),
        row.content_sha256,
        // Every label is text to read (the letter's own `code` field is an identifier, its label is not).
        convertContent(PDF_LABELS, convert, new Set()),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="opinion-${row.code}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/opinion/verify/:code`,
    summary: '核验法律意见书真伪',
    tags,
    access: 'public',
    params: CodeParams,
    rateLimit: 60,
    handler: async ({ params }) => svc.verify(ctx, params.code),
  });
}

function figureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['opinion'];
  route(app, {
    method: 'GET',
    url: `${API}/opinion/figures`,
    summary: '计算所用的地区与年度数据',
    tags,
    access: 'public',
    handler: async () => ({ items: (await repo.listFigures(ctx.db)).map(presentFigure) }),
  });

  route(app, {
    method: 'POST',
    url: `${API}/opinion/figures`,
    summary: '新增一期数据（管理员）',
    tags,
    access: ['admin'],
    body: FigureBody,
    handler: async ({ body, user, req }) => {
      if (await repo.findFigureAt(ctx.db, body.key, body.effectiveDate))
        throw conflict('figure_exists', '该数据项在此生效日期已有记录，请修改原记录');
      const now = ctx.now().toISOString();
      const id = await ctx.db.transaction().execute(async (trx) => {
        const newId = await repo.insertFigure(trx, {
          key: body.key,
          label: FIGURE_KEYS[body.key]!.label,
          value: body.value,
          unit: FIGURE_KEYS[body.key]!.unit,
          region: body.region,
          effective_date: body.effectiveDate,
          source: body.example ? EXAMPLE_SOURCE : body.source,
          is_example: body.example ? 1 : 0,
          updated_by: user.id,
          created_at: now,
          updated_at: now,
        });
        await audit(
          trx,
          {
            actor: user,
            action: 'create',
            entity: 'opinion_figure',
            entityId: newId,
            detail: body,
            ip: req.ip,
          },
          ctx.now(),
        );
        return newId;
      });
      return { figure: presentFigure((await repo.findFigure(ctx.db, id))!) };
    },
  });

  route(app, {
    method: 'PATCH',
    url: `${API}/opinion/figures/:id`,
    summary: '修改数据（管理员）',
    tags,
    access: ['admin'],
    params: IdParams,
    body: FigurePatch,
    handler: async ({ params, body, user, req }) => {
      const f = await repo.findFigure(ctx.db, params.id);
      if (!f) throw notFound('数据');
      // A figure stops being example data only together with the source it now comes from.
      if (body.example === false && !body.source && f.is_example === 1)
        throw badRequest('source_required', '取消“示例数据”标记时请填写数据来源');
      await ctx.db.transaction().execute(async (trx) => {
        await repo.updateFigure(trx, f.id, {
          ...(body.value !== undefined ? { value: body.value } : {}),
          ...(body.region ? { region: body.region } : {}),
          ...(body.effectiveDate ? { effective_date: body.effectiveDate } : {}),
          ...(body.source ? { source: body.source } : {}),
          ...(body.example !== undefined ? { is_example: body.example ? 1 : 0 } : {}),
          ...(body.example ? { source: EXAMPLE_SOURCE } : {}),
          updated_by: user.id,
          updated_at: ctx.now().toISOString(),
        });
        await audit(
          trx,
          {
            actor: user,
            action: 'update',
            entity: 'opinion_figure',
            entityId: f.id,
            detail: { before: presentFigure(f), change: body },
            ip: req.ip,
          },
          ctx.now(),
        );
      });
      return { figure: presentFigure((await repo.findFigure(ctx.db, f.id))!) };
    },
  });
}
