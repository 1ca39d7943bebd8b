/**
 * @module Loading the corpus when the server starts: import LAWS_DIR in the background when the database
 * has none — unpacking the snapshot shipped in the repository into data/laws first when there is no
 * corpus directory (a fresh clone without ../shared) — or say how to load one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../core/context.js';
import { importCorpus } from './importer.js';
import { snapshotShipped, unpackSnapshot } from './snapshot.js';
import { setImporting } from './status.js';

export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/** What happened: already loaded, nothing to load from, disabled, or imported (with counts). */
export type AutoloadResult =
  | { kind: 'loaded' | 'no_dir' | 'disabled' }
  | { kind: 'imported'; laws: number; articles: number }
  | { kind: 'failed'; message: string };

/** data/laws, where the shipped snapshot goes (a LAWS_DIR set elsewhere is left to its owner). */
const isDefaultDir = (dir: string) => path.resolve(dir) === path.resolve('data/laws');

export async function autoloadCorpus(ctx: AppContext, log: Log): Promise<AutoloadResult> {
  const any = await ctx.db.selectFrom('laws').select('id').limit(1).executeTakeFirst();
  if (any) return { kind: 'loaded' };
  const dir = ctx.config.LAWS_DIR;
  if (!existsSync(dir) && ctx.config.IMPORT_ON_START && isDefaultDir(dir) && snapshotShipped()) {
    log.info(`正在解压仓库自带的法律法规库到 ${dir} …`);
    try {
      const files = await unpackSnapshot(dir);
      log.info(`已解压 ${files} 个文件，逐一核对 sha256 无误`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.error(`仓库自带的法律法规库解压失败：${message}`);
      return { kind: 'failed', message };
    }
  }
  if (!existsSync(dir)) {
    log.warn(
      `尚未载入法律法规库，且目录 ${dir} 不存在：设置 LAWS_DIR 后运行 npm run laws:import -- <目录>，` +
        '或运行 npm run laws:fetch 下载并导入 LawRefBook/Laws 语料',
    );
    return { kind: 'no_dir' };
  }
  if (!ctx.config.IMPORT_ON_START) {
    log.warn(`尚未载入法律法规库：运行 npm run laws:import -- ${dir}`);
    return { kind: 'disabled' };
  }
  setImporting(ctx, true);
  log.info(`法律法规库为空，正在后台导入 ${dir} …`);
  let lastPct = -1;
  try {
    const r = await importCorpus(ctx, {
      dir,
      onProgress: (done, total) => {
        const pct = Math.floor((done / total) * 10) * 10;
        if (pct !== lastPct) log.info(`导入法律法规库 ${pct}%（${done}/${total}）`);
        lastPct = pct;
      },
    });
    log.info(
      `法律法规库导入完成：${r.laws} 个法律版本、${r.articles} 条条文，${r.issues.length} 处异常已记录（npm run laws:import 可查看）`,
    );
    ctx.bus.emit('laws:imported', { corpusVersion: r.corpusVersion });
    return { kind: 'imported', laws: r.laws, articles: r.articles };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error(`法律法规库导入失败：${message}`);
    return { kind: 'failed', message };
  } finally {
    setImporting(ctx, false);
  }
}
