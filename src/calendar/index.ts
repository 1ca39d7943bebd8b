/**
 * @module The calendar area (节假日日历) as registered in the app: the bureau's edits of the one holiday
 * calendar of core/time.ts. Loading them at registration makes every area count on them from the first
 * request; `start()` refreshes them every minute so an edit made through another process is followed.
 * Working-day counts that cross a year the calendar lacks (or holds provisionally) are logged here.
 */
import type { AppModule } from '../core/module.js';
import { onCalendarGap } from '../core/time.js';
import { calendarMigrations } from './migrations.js';
import { calendarRoutes } from './routes.js';
import { reloadCalendar } from './service.js';

const REFRESH_MS = 60_000;

export const calendarModule: AppModule = {
  migrations: calendarMigrations,
  name: 'calendar',
  routes: async (app, ctx) => {
    onCalendarGap((w) =>
      app.log.warn(
        { years: w.years, from: w.from, to: w.to },
        `calendar: working days counted across ${w.years.join(', ')}, not held as official`,
      ),
    );
    // A database that cannot be read now leaves the shipped calendar in force until the next refresh.
    await reloadCalendar(ctx.db).catch((e: unknown) =>
      app.log.warn({ err: e }, 'calendar: bureau edits not loaded, shipped calendar in force'),
    );
    calendarRoutes(app, ctx);
  },
  start: (ctx, log) => {
    const timer = setInterval(() => {
      reloadCalendar(ctx.db).catch((e: unknown) =>
        log.warn({ err: e }, 'calendar: refresh failed'),
      );
    }, REFRESH_MS);
    timer.unref();
    return () => clearInterval(timer);
  },
};
