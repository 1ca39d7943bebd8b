/** @module Validation at the edge with zod: parse request parts, turn failures into `validation_failed`. */
import { ZodError, type ZodType, type z } from 'zod';
import { validationFailed } from './errors.js';

export interface FieldIssue {
  path: string;
  message: string;
  code: string;
}

/** Field paths and Chinese messages for a failed zod parse. */
export function zodDetails(err: ZodError): { fields: FieldIssue[] } {
  return {
    fields: err.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      code: i.code,
      message: chineseIssue(i),
    })),
  };
}

function chineseIssue(i: ZodError['issues'][number]): string {
  switch (i.code) {
    case 'unrecognized_keys':
      return `不允许的字段：${i.keys.join('、')}`;
    case 'invalid_type':
      return i.input === undefined ? '必填' : `类型错误，应为 ${i.expected}`;
    case 'too_small':
      return `太短或太小（最少 ${String(i.minimum)}）`;
    case 'too_big':
      return `太长或太大（最多 ${String(i.maximum)}）`;
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'invalid_format':
      return '格式不正确';
    default:
      return i.message && /[\u4e00-\u9fff]/.test(i.message) ? i.message : '内容无效';
  }
}

/** Parses `input` with `schema` or throws a 400 `validation_failed` AppError. */
export function parse<S extends ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationFailed(zodDetails(r.error));
  return r.data;
}
