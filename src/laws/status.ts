/** @module Corpus status for /health and the home page: loaded or not, and how to load it. */
import { existsSync } from 'node:fs';
import type { AppContext } from '../core/context.js';
import { service, serviceKey } from '../core/services.js';

export interface CorpusStatus {
  loaded: boolean;
  laws: number;
  articles: number;
  importing: boolean;
  lawsDir: string;
  lawsDirExists: boolean;
  /** For administrators and the log: what is loaded, or how to load it (commands, paths). */
  message: string;
  /** For citizens: a plain sentence when the library is not ready (empty when it is). */
  notice: string;
}

/** Whether this context is importing the corpus now (read by the status page). */
const importing = serviceKey('laws.importing', () => ({ busy: false }));

export function setImporting(ctx: AppContext, value: boolean): void {
  service(ctx, importing).busy = value;
}

export async function corpusStatus(ctx: AppContext): Promise<CorpusStatus> {
  const laws = await ctx.db
    .selectFrom('laws')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const arts = await ctx.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(laws.n);
  const busy = service(ctx, importing).busy;
  const dirExists = existsSync(ctx.config.LAWS_DIR);
  const message =
    n > 0
      ? `已载入 ${n} 部法律法规、${Number(arts.n)} 条条文`
      : busy
        ? '正在导入法律法规库，请稍候…'
        : dirExists
          ? `尚未导入法律法规库：运行 npm run laws:import -- ${ctx.config.LAWS_DIR}`
          : '尚未载入法律法规库：请设置 LAWS_DIR 指向法规目录后运行 npm run laws:import，或运行 npm run laws:fetch 下载';
  const notice =
    n > 0
      ? ''
      : busy
        ? '法律法规库正在准备中，法规查询和智能问答暂时无法引用法条，请稍后再试。'
        : '法律法规库暂未开通，法规查询和智能问答暂不可用。如需咨询，请拨打 12348 公共法律服务热线。';
  return {
    loaded: n > 0,
    laws: n,
    articles: Number(arts.n),
    importing: busy,
    lawsDir: ctx.config.LAWS_DIR,
    lawsDirExists: dirExists,
    message,
    notice,
  };
}
