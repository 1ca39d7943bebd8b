/** @module Endpoints of a 普法 activity's photos: upload (multipart), list and download — its logger and the bureau only. */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { API, route } from '../../core/http.js';
import { CoercedId, IdParams } from '../../core/schemas.js';
import { readUpload } from '../../core/upload.js';
import { activityForPhotos, photoLimit, readPhoto, savePhoto } from './photos.js';
import * as repo from './repository.js';

const tags = ['programme'];
const loggers = ['community_lawyer', 'admin'] as const;
const PhotoParams = z.strictObject({ id: CoercedId, photoId: CoercedId });

export async function photoRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  route(app, {
    method: 'GET',
    url: `${API}/programme/activities/:id/photos`,
    summary: '普法活动照片列表',
    tags,
    access: loggers,
    params: IdParams,
    handler: async ({ user, params }) => {
      await activityForPhotos(ctx, user, params.id);
      const rows = await repo.photosOf(ctx.db, params.id);
      return {
        items: rows.map((p) => ({
          id: p.id,
          name: p.file_name,
          mime: p.mime,
          size: p.size,
          at: p.created_at,
        })),
      };
    },
  });
  route(app, {
    method: 'GET',
    url: `${API}/programme/activities/:id/photos/:photoId`,
    summary: '下载普法活动照片',
    tags,
    access: loggers,
    params: PhotoParams,
    handler: async ({ user, params, reply, req }) => {
      await activityForPhotos(ctx, user, params.id);
      const p = await repo.photoById(ctx.db, params.id, params.photoId);
      if (!p) throw notFound('照片');
      const data = await readPhoto(ctx, p.stored_name);
      // Residents' faces: each download is on the record.
      await audit(
        ctx.db,
        {
          actor: user,
          action: 'download',
          entity: 'programme_activity',
          entityId: params.id,
          detail: { photo: p.id },
          ip: req.ip,
        },
        ctx.now(),
      );
      return reply
        .type(p.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(p.file_name)}`,
        )
        .send(data);
    },
  });
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: photoLimit(ctx), files: 1, fields: 0 } });
    route(scope, {
      method: 'POST',
      url: `${API}/programme/activities/:id/photos`,
      summary: '上传普法活动照片（multipart，JPG/PNG/GIF/WebP）',
      tags,
      access: loggers,
      params: IdParams,
      handler: async ({ user, params, req }) => {
        await activityForPhotos(ctx, user, params.id);
        if (!req.isMultipart())
          throw AppError.of('unsupported_media_type', '请以 multipart/form-data 上传图片');
        const file = await readUpload(req, '请选择要上传的照片'); // too large → 413
        return savePhoto(ctx, user, params.id, file);
      },
    });
  });
}
