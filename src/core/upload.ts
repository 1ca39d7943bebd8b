/**
 * @module Reading the one file of a multipart upload: a body that is not well-formed multipart (cut
 * off, no boundary, broken part headers) is the client's fault, a 400 `malformed_multipart`, not a 500.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface Upload {
  filename: string;
  data: Buffer;
}

const malformed = () =>
  AppError.of(
    'malformed_multipart',
    '上传内容格式不正确（multipart 数据不完整或已损坏），请重新上传',
  );

const isTooLarge = (e: unknown) =>
  (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ||
  (e as { code?: string }).code === 'FST_PARTS_LIMIT' ||
  (e as { code?: string }).code === 'FST_FILES_LIMIT';

/**
 * The upload's file, read whole (the route's multipart limits cap its size).
 * @throws 400 `file_required` (`requiredMessage`) when there is no file part, 400 `malformed_multipart`
 *   for a broken body, and `tooLarge()` (default: the library's 413) past the size limit.
 */
export async function readUpload(
  req: FastifyRequest,
  requiredMessage: string,
  tooLarge?: () => AppError,
): Promise<Upload> {
  try {
    const file = await req.file();
    if (!file) throw AppError.of('file_required', requiredMessage);
    // A NUL in the client's file name would fail the row's insert on PostgreSQL after the bytes arrived.
    return { filename: file.filename.replaceAll('\u0000', ''), data: await file.toBuffer() };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (isTooLarge(e)) throw tooLarge ? tooLarge() : e;
    throw malformed();
  }
}
