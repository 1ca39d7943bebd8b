/**
 * @module Photos of a 普法 activity, uploaded by the adviser who logged it or the bureau: the type is read
 * from the bytes, the file exists only with its committed row (core/file-store), and at most MAX_PHOTOS per
 * activity — a cap the database holds under concurrent uploads. Photos are not public (faces of residents).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../core/context.js';
import { audit } from '../../core/audit.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import { settleAtStart, storeWithRow } from '../../core/file-store.js';
import { sniffImage } from '../../core/image.js';
import { consumeQuota, uploadQuota, UPLOAD_QUOTA_MESSAGE } from '../../core/quota.js';
import type { SessionUser } from '../../core/session.js';
import * as repo from './repository.js';

export const MAX_PHOTOS = 9;
/** Phone photos are well under 5 MB; larger files are refused even when UPLOAD_MAX_BYTES allows more. */
export const photoLimit = (ctx: AppContext) => Math.min(ctx.config.UPLOAD_MAX_BYTES, 5 * 1_048_576);
const dir = (ctx: AppContext) => path.resolve(ctx.config.UPLOAD_DIR, 'programme');

/** The activity, when this user may manage its photos (who logged it, or the bureau); 404 otherwise. */
export async function activityForPhotos(ctx: AppContext, user: SessionUser, id: number) {
  const a = await repo.activityById(ctx.db, id);
  if (!a || (user.role !== 'admin' && a.logged_by !== user.id)) throw notFound('该普法活动');
  return a;
}

export async function savePhoto(
  ctx: AppContext,
  user: SessionUser,
  activityId: number,
  file: { filename: string; data: Buffer },
) {
  await activityForPhotos(ctx, user, activityId);
  if (file.data.length === 0) throw AppError.of('empty_file', '上传的文件为空');
  const kind = sniffImage(file.data);
  if (!kind) throw AppError.of('unsupported_image', '只能上传 JPG、PNG、GIF 或 WebP 图片');
  const stored = `${activityId}-${randomBytes(12).toString('hex')}.${kind.ext}`;
  const name = path.basename(file.filename || `photo.${kind.ext}`).slice(0, 100);
  const now = ctx.now();
  return storeWithRow(dir(ctx), stored, file.data, () =>
    ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.takePhotoPlace(trx, activityId, MAX_PHOTOS)))
        throw conflict('too_many_images', `每场活动最多上传 ${MAX_PHOTOS} 张照片`);
      await consumeQuota(trx, uploadQuota(ctx, user.id, file.data.length), UPLOAD_QUOTA_MESSAGE);
      const id = await repo.insertPhoto(trx, {
        activity_id: activityId,
        file_name: name,
        mime: kind.mime,
        size: file.data.length,
        stored_name: stored,
        created_at: now.toISOString(),
      });
      await audit(
        trx,
        {
          actor: user,
          action: 'attach',
          entity: 'programme_activity',
          entityId: activityId,
          detail: { photo: id },
        },
        now,
      );
      return { id, mime: kind.mime, size: file.data.length };
    }),
  );
}

export async function readPhoto(ctx: AppContext, storedName: string): Promise<Buffer> {
  return readFile(path.join(dir(ctx), path.basename(storedName)));
}

/** At start: finishes or removes what interrupted uploads left in the photo folder. */
export async function settlePhotos(
  ctx: AppContext,
  log: { info(o: object, m: string): void; warn(o: object, m: string): void },
): Promise<void> {
  await settleAtStart('programme', dir(ctx), (names) => repo.storedPhotoNames(ctx.db, names), log);
}
