/** @module The demo area: with DEMO_MODE=true the server seeds 示例数据 at start (see seed.ts); off by default. */
import type { AppModule } from '../core/module.js';
import { seedDemo } from './seed.js';

export const demoModule: AppModule = {
  name: 'demo',
  routes: () => undefined,
  start(ctx, log) {
    if (!ctx.config.DEMO_MODE) return;
    log.warn(
      '演示模式已开启（DEMO_MODE=true）：本实例的机构、律师、案件等均为示例数据，请勿用于真实服务',
    );
    const running = seedDemo(ctx, { info: (m) => log.info(m) }).catch((e: unknown) =>
      log.error(`演示数据写入失败：${e instanceof Error ? e.message : String(e)}`),
    );
    return async () => {
      await running;
    };
  },
};
