/** @module The bureau's holiday calendar endpoints (司法局管理员): see the years held, enter a year, change single dates. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context.js';
import { API, route } from '../core/http.js';
import { chinaDate } from '../core/time.js';
import { presentCalendar } from './presenter.js';
import { listDayEdits, listYearEdits } from './repository.js';
import { CalendarQuery, DateParams, DayBody, YearBody, YearParams } from './schema.js';
import { clearDay, setDay, setYear } from './service.js';

const tags = ['calendar'];

export function calendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const view = async (year: number) =>
    presentCalendar(year, await listYearEdits(ctx.db), await listDayEdits(ctx.db));

  route(app, {
    method: 'GET',
    url: `${API}/admin/calendar`,
    summary: '节假日日历（各年度及放假、调休日期）',
    tags,
    access: ['admin'],
    query: CalendarQuery,
    handler: ({ query }) => view(query.year ?? Number(chinaDate(ctx.now()).slice(0, 4))),
  });

  route(app, {
    method: 'PUT',
    url: `${API}/admin/calendar/years/:year`,
    summary: '录入或标记年度（正式 / 暂定）',
    tags,
    access: ['admin'],
    params: YearParams,
    body: YearBody,
    handler: async ({ params, body, user }) => {
      await setYear(ctx, user, params.year, body);
      return view(params.year);
    },
  });

  route(app, {
    method: 'PUT',
    url: `${API}/admin/calendar/days/:date`,
    summary: '设置某日为放假、调休上班或平常',
    tags,
    access: ['admin'],
    params: DateParams,
    body: DayBody,
    handler: async ({ params, body, user }) => {
      await setDay(ctx, user, { date: params.date, ...body });
      return view(Number(params.date.slice(0, 4)));
    },
  });

  route(app, {
    method: 'DELETE',
    url: `${API}/admin/calendar/days/:date`,
    summary: '撤销对某日的调整（恢复随系统发布的日历）',
    tags,
    access: ['admin'],
    params: DateParams,
    handler: async ({ params, user }) => {
      await clearDay(ctx, user, params.date);
      return view(Number(params.date.slice(0, 4)));
    },
  });
}
