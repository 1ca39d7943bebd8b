/** @module Demo mode's hook: two 示例 lawyers (one 名优) on the 江汉区 roster and last year's report cases. */
import { createUser } from '../../auth/service.js';
import type { AppContext } from '../../core/context.js';
import type { SessionUser } from '../../core/session.js';
import { chinaDate } from '../../core/time.js';
import { insertRosterEntry } from '../office-repository.js';
import { listAgencyNames } from './repository.js';
import { seedReportYear } from './demo.js';

const DEMO_PASSWORD = 'demo-12348-pass';

export async function seedDemoReportYear(ctx: AppContext, admin: SessionUser): Promise<number> {
  const agencies = await listAgencyNames(ctx.db);
  const jianghan = agencies.find((a) => a.name.startsWith('江汉区'))?.id ?? agencies[0]!.id;
  const at = ctx.now().toISOString();
  const lawyer = async (username: string, displayName: string, famous: number) => {
    const id = await createUser(ctx, {
      username,
      password: DEMO_PASSWORD,
      role: 'aid_lawyer',
      displayName,
    });
    await insertRosterEntry(ctx.db, {
      user_id: id,
      agency_id: jianghan,
      specialties: '["labour","civil"]',
      years_experience: famous ? 15 : 4,
      famous,
      active: 1,
      conflict_parties: '[]',
      created_at: at,
      updated_at: at,
    });
    return id;
  };
  const famousLawyerId = await lawyer('demo_aid_famous', '周律师（名优，示例）', 1);
  const plainLawyerId = await lawyer('demo_aid_lawyer', '吴律师（示例）', 0);
  return seedReportYear(ctx.db, {
    year: Number(chinaDate(ctx.now()).slice(0, 4)) - 1,
    agencyIds: agencies.map((a) => a.id),
    createdBy: admin.id,
    famousLawyerId,
    plainLawyerId,
  });
}
