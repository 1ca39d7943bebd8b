/** @module The opinion area (法律意见书) as registered in the app: routes, and the startup check of scenario articles. */
import type { AppModule } from '../core/module.js';
import { opinionRoutes } from './routes.js';
import { checkScenarios } from './startup.js';
import { opinionMigrations } from './migrations.js';

export const opinionModule: AppModule = {
  migrations: opinionMigrations,
  name: 'opinion',
  routes: (app, ctx) => opinionRoutes(app, ctx),
  start: (ctx, log) => {
    if (ctx.config.NODE_ENV === 'production' && !ctx.config.PUBLIC_BASE_URL)
      log.warn(
        '未设置 PUBLIC_BASE_URL：法律意见书核验二维码将使用请求的地址，请设置为市民访问的网址（如 https://fw.example.gov.cn）',
      );
    const check = async () => {
      const refused = await checkScenarios(ctx);
      if (!refused) return log.warn('法规库为空：法律意见书情景的法条将在导入后核对');
      for (const [id, missing] of refused)
        log.error(`法律意见书情景 ${id} 引用的法条不存在，已停用：${missing.join('、')}`);
      if (!refused.size) log.info('法律意见书：全部情景的法条均已核对');
    };
    const onImported = () =>
      void check().catch((e: unknown) => log.error(`法条核对失败：${String(e)}`));
    ctx.bus.on('laws:imported', onImported);
    onImported();
    return () => void ctx.bus.off('laws:imported', onImported);
  },
};
