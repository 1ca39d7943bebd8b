/**
 * @module Application materials: multipart upload (type sniffed from the bytes, size capped), stored under
 * UPLOAD_DIR outside the web root with a random name, downloaded only by those who may read the case.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { audit } from '../core/audit.js';
import { AppError, badRequest, notFound } from '../core/errors.js';
import { readUpload } from '../core/upload.js';
import { consumeQuota, uploadQuota, UPLOAD_QUOTA_MESSAGE } from '../core/quota.js';
import { settleAtStart, storeWithRow } from '../core/file-store.js';
import { API, route } from '../core/http.js';
import { authorize } from '../core/policy.js';
import { aidPolicy } from './policy.js';
import { storedMaterialNames } from './repository.js';
import { loadApplication } from './service.js';
import { CoercedId } from '../core/schemas.js';

const KINDS = ['identity', 'authority', 'hardship', 'case', 'supplement', 'other'] as const;

/** Detects PDF, JPEG and PNG from their magic bytes; the declared type is not trusted. */
export function sniffType(b: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}

/** Where application materials are stored. */
export const materialDir = (ctx: AppContext) => path.resolve(ctx.config.UPLOAD_DIR, 'aid');

/** At start: finishes or removes what interrupted uploads left in the materials folder. */
export async function settleMaterials(
  ctx: AppContext,
  log: { info(o: object, m: string): void; warn(o: object, m: string): void },
): Promise<void> {
  await settleAtStart('aid', materialDir(ctx), (names) => storedMaterialNames(ctx.db, names), log);
}

export async function uploadRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const dir = materialDir(ctx);
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ctx.config.UPLOAD_MAX_BYTES, files: 1, fields: 5 },
    });
    route(scope, {
      method: 'POST',
      url: `${API}/aid/applications/:id/attachments`,
      summary: '上传申请材料（PDF/JPG/PNG）',
      tags: ['aid'],
      access: 'user',
      params: IdParams2,
      query: z.strictObject({ kind: z.enum(KINDS).default('case') }),
      handler: async ({ user, params, query, req }) => {
        const a = authorize(aidPolicy, user, 'read', await loadApplication(ctx.db, params.id));
        if (!req.isMultipart()) throw badRequest('multipart_required', '请以文件上传方式提交材料');
        const file = await readUpload(req, '请选择要上传的文件', () =>
          AppError.of(
            'file_too_large',
            `文件过大（不超过 ${Math.round(ctx.config.UPLOAD_MAX_BYTES / 1_048_576)} MB）`,
          ),
        );
        const buf = file.data;
        const mime = sniffType(buf);
        if (!mime) throw AppError.of('file_type_not_allowed', '仅支持 PDF、JPG、PNG 格式的文件');
        const stored = `${randomBytes(16).toString('hex')}`;
        const now = ctx.now();
        const name = path.basename(file.filename || 'file').slice(0, 120);
        // The file exists only once its row does (src/core/file-store.ts).
        const id = await storeWithRow(dir, stored, buf, () =>
          ctx.db.transaction().execute(async (trx) => {
            await consumeQuota(trx, uploadQuota(ctx, user.id, buf.length), UPLOAD_QUOTA_MESSAGE);
            const r = await trx
              .insertInto('aid_attachments')
              .values({
                application_id: a.id,
                kind: query.kind,
                original_name: name,
                mime,
                size: buf.length,
                stored_name: stored,
                uploaded_by: user.id,
                created_at: now.toISOString(),
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await audit(
              trx,
              {
                actor: user,
                action: 'upload',
                entity: 'aid_application',
                entityId: a.id,
                detail: { attachment: r.id, kind: query.kind },
                ip: req.ip,
              },
              now,
            );
            return r.id;
          }),
        );
        return { id, mime, size: buf.length };
      },
    });
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/applications/:id/attachments/:fileId`,
    summary: '下载申请材料',
    tags: ['aid'],
    access: 'user',
    params: IdParams2,
    handler: async ({ user, params, req, reply }) => {
      const a = authorize(aidPolicy, user, 'read', await loadApplication(ctx.db, params.id));
      const f = await ctx.db
        .selectFrom('aid_attachments')
        .selectAll()
        .where('id', '=', params.fileId ?? 0)
        .where('application_id', '=', a.id)
        .executeTakeFirst();
      if (!f) throw notFound('材料');
      const buf = await readFile(path.join(dir, f.stored_name));
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'read_personal_data',
          entity: 'aid_attachment',
          entityId: f.id,
          ip: req.ip,
        },
        ctx.now(),
      );
      return reply
        .type(f.mime)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(f.original_name)}`,
        )
        .send(buf);
    },
  });
}

const IdParams2 = z.strictObject({
  id: CoercedId,
  fileId: CoercedId.optional(),
});
