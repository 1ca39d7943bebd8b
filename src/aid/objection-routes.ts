/**
 * @module The 司法行政部门's queue of 异议 (Art. 49): a district bureau sees its district centre's pending
 * objections, the city bureau the city centre's — each decides those of the centre it set up.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../core/context.js';
import { API, route } from '../core/http.js';
import { cityAgencyId } from './competence.js';
import { caseDeadlines, loadSettings } from './deadlines.js';
import { listPendingObjections } from './office-repository.js';
import { presentListItem } from './presenter.js';

export function objectionRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, {
    method: 'GET',
    url: `${API}/aid/objections`,
    summary: '待审查的法律援助异议（本级司法行政部门）',
    tags: ['aid'],
    access: ['admin', 'justice_bureau'],
    handler: async ({ user }) => {
      const city = await cityAgencyId(ctx.db);
      const centre = user.role === 'admin' ? city : user.agencyId;
      const rows = await listPendingObjections(ctx.db, centre !== null ? [centre] : []);
      const s = await loadSettings(ctx.db);
      const now = ctx.now();
      return { items: rows.map((a) => presentListItem(a, caseDeadlines(a, s, now))) };
    },
  });
}
