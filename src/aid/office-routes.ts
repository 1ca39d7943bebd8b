/** @module Office endpoints: inbox/ledger with export, overdue list, statistics, notifications, roster, settings, hardship lines. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../core/context.js';
import { findUserRole } from '../auth/repository.js';
import { audit } from '../core/audit.js';
import { badRequest, forbidden } from '../core/errors.js';
import { toCsv, toXlsx, XLSX_TYPE } from '../core/export.js';
import { API, route } from '../core/http.js';
import { CALENDAR_SOURCE } from './clock.js';
import { caseDeadlines, loadSettings } from './deadlines.js';
import {
  aidStatistics,
  ledgerColumns,
  ledgerExportRows,
  ledgerItems,
  ledgerRows,
} from './ledger.js';
import { recipientGroupsByApplication } from './figures/repository.js';
import { presentListItem } from './presenter.js';
import { agencyNames, currentLines } from './repository.js';
import {
  findRosterEntry,
  insertRosterEntry,
  listClockedApplications,
  listNotifications,
  listRoster,
  replaceHardshipLine,
  replaceSetting,
  updateRosterEntry,
} from './office-repository.js';
import {
  HardshipLineSchema,
  LedgerQuery,
  RosterSchema,
  SettingsSchema,
  StatsQuery,
} from './schema.js';
import { CoercedId } from '../core/schemas.js';

const tags = ['aid'];
const STAFF = ['aid_officer', 'admin'] as const;

export function officeRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/aid/office/ledger`,
    summary: '法律援助台账（可导出 Excel/CSV）',
    tags,
    access: STAFF,
    query: LedgerQuery,
    handler: async ({ user, query, reply, req }) => {
      const exporting = query.format !== 'json';
      const rows = await ledgerRows(ctx.db, user, query, exporting);
      const settings = await loadSettings(ctx.db);
      if (!exporting) return { items: ledgerItems(rows, settings, ctx.now()), page: query.page };
      const unmasked = query.unmasked === 'true';
      if (unmasked && !query.purpose)
        throw badRequest('purpose_required', '导出未脱敏台账须填写用途');
      const items = await ledgerExportRows(
        ctx.db,
        rows,
        settings,
        ctx.now(),
        await recipientGroupsByApplication(
          ctx.db,
          rows.map((r) => r.id),
        ),
      );
      await audit(
        ctx.db,
        {
          actor: user,
          action: unmasked ? 'export_personal_data' : 'export',
          entity: 'aid_ledger',
          detail: unmasked
            ? {
                format: query.format,
                rows: items.length,
                purpose: query.purpose,
                ids: rows.map((r) => r.id),
              }
            : { format: query.format, rows: items.length },
          ip: req.ip,
        },
        ctx.now(),
      );
      const cols = ledgerColumns(
        await agencyNames(ctx.db),
        unmasked ? new Map(rows.map((r) => [r.id, r])) : null,
      );
      if (query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="aid-ledger.csv"')
          .send(toCsv(cols, items));
      const buf = await toXlsx([{ name: '法律援助台账', columns: cols, rows: items }]);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="aid-ledger.xlsx"')
        .send(buf);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/office/overdue`,
    summary: '超期案件清单',
    tags,
    access: STAFF,
    handler: async ({ user }) => {
      const rows = await listClockedApplications(
        ctx.db,
        user.role === 'admin' ? null : (user.agencyId ?? -1),
      );
      const s = await loadSettings(ctx.db);
      const now = ctx.now();
      const items = rows
        .map((a) => ({ a, d: caseDeadlines(a, s, now) }))
        .filter((x) => x.d.overdue.length > 0)
        .map((x) => presentListItem(x.a, x.d));
      return { items };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/office/statistics`,
    summary: '法律援助统计',
    tags,
    access: STAFF,
    query: StatsQuery,
    handler: async ({ query }) => {
      if (query.from > query.to) throw badRequest('bad_range', '开始日期不能晚于结束日期');
      return aidStatistics(ctx.db, query);
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/notifications`,
    summary: '法律援助提醒与通知',
    tags,
    access: 'user',
    handler: async ({ user }) => {
      const rows = await listNotifications(ctx.db, user);
      return {
        items: rows.map((n) => ({
          id: n.id,
          applicationId: n.application_id,
          kind: n.kind,
          message: n.message,
          dueDate: n.due_date,
          at: n.created_at,
        })),
      };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/roster`,
    summary: '本机构法律援助人员名册',
    tags,
    access: STAFF,
    query: z.strictObject({ agencyId: CoercedId.optional() }),
    handler: async ({ user, query }) => {
      const agencyId = user.role === 'admin' ? (query.agencyId ?? null) : user.agencyId;
      const rows = await listRoster(ctx.db, agencyId);
      return {
        items: rows.map((r) => ({
          userId: r.user_id,
          name: r.display_name,
          agencyId: r.agency_id,
          specialties: JSON.parse(r.specialties) as string[],
          yearsExperience: r.years_experience,
          famous: r.famous === 1,
          active: r.active === 1,
          conflictParties: JSON.parse(r.conflict_parties) as string[],
        })),
      };
    },
  });

  route(app, {
    method: 'PUT',
    url: `${API}/aid/roster`,
    summary: '登记或更新名册中的律师',
    tags,
    access: STAFF,
    body: RosterSchema,
    handler: async ({ user, body, req }) => {
      const agencyId = user.role === 'admin' ? body.agencyId : user.agencyId;
      if (!agencyId) throw badRequest('agency_required', '请指定法律援助机构');
      if (user.role !== 'admin' && body.agencyId && body.agencyId !== user.agencyId)
        throw forbidden('只能管理本机构的名册');
      const lawyer = await findUserRole(ctx.db, body.userId);
      if (!lawyer || lawyer.role !== 'aid_lawyer')
        throw badRequest('not_a_lawyer', '只能将法律援助律师账户列入名册');
      const now = ctx.now().toISOString();
      const values = {
        agency_id: agencyId,
        specialties: JSON.stringify(body.specialties),
        years_experience: body.yearsExperience,
        famous: body.famous ? 1 : 0,
        active: body.active ? 1 : 0,
        conflict_parties: JSON.stringify(body.conflictParties),
        updated_at: now,
      };
      await ctx.db.transaction().execute(async (trx) => {
        const existing = await findRosterEntry(trx, body.userId);
        if (existing && user.role !== 'admin' && existing.agency_id !== user.agencyId)
          throw forbidden('该律师属于其他机构的名册');
        if (existing) await updateRosterEntry(trx, existing.id, values);
        else await insertRosterEntry(trx, { ...values, user_id: body.userId, created_at: now });
        await audit(
          trx,
          {
            actor: user,
            action: 'roster_upsert',
            entity: 'aid_roster',
            entityId: body.userId,
            ip: req.ip,
          },
          ctx.now(),
        );
      });
      return { ok: true };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/settings`,
    summary: '时限设置',
    tags,
    access: STAFF,
    handler: async () => ({
      settings: await loadSettings(ctx.db),
      calendarSource: CALENDAR_SOURCE,
    }),
  });

  route(app, {
    method: 'PUT',
    url: `${API}/aid/settings`,
    summary: '修改时限设置',
    tags,
    access: ['admin'],
    body: SettingsSchema,
    handler: async ({ user, body, req }) => {
      await ctx.db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(body)) {
          if (value === undefined) continue;
          await replaceSetting(trx, key, String(value));
        }
        await audit(
          trx,
          {
            actor: user,
            action: 'settings_update',
            entity: 'aid_settings',
            detail: body,
            ip: req.ip,
          },
          ctx.now(),
        );
      });
      return { settings: await loadSettings(ctx.db) };
    },
  });

  route(app, {
    method: 'GET',
    url: `${API}/aid/hardship-lines`,
    summary: '经济困难标准（现行）',
    tags,
    access: 'public',
    handler: async () => ({
      items: (await currentLines(ctx.db, ctx.now())).map((l) => ({
        region: l.region,
        monthlyPerCapita: l.monthly_per_capita,
        effectiveFrom: l.effective_from,
        source: l.source,
      })),
    }),
  });

  route(app, {
    method: 'POST',
    url: `${API}/aid/hardship-lines`,
    summary: '新增一版经济困难标准',
    tags,
    access: ['admin'],
    body: HardshipLineSchema,
    handler: async ({ user, body, req }) => {
      const now = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await replaceHardshipLine(trx, {
          region: body.region,
          monthlyPerCapita: body.monthlyPerCapita,
          effectiveFrom: body.effectiveFrom,
          source: body.source,
          at: now,
        });
        await audit(
          trx,
          {
            actor: user,
            action: 'hardship_line_set',
            entity: 'aid_hardship_lines',
            detail: body,
            ip: req.ip,
          },
          ctx.now(),
        );
      });
      return { ok: true };
    },
  });
}
