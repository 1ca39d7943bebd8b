/** @module The figures sub-area's operations: record an application's recipient categories, count the figures. */
import type { Kysely } from 'kysely';
import { audit } from '../../core/audit.js';
import type { AppContext } from '../../core/context.js';
import type { SessionUser } from '../../core/session.js';
import type { Database } from '../../db/schema.js';
import { computeFigures, type AidFigures } from './figures.js';
import { figureRows, listAgencyNames, setRecipientGroups } from './repository.js';
import type { RecipientGroup } from './schema.js';

export async function recordRecipientGroups(
  ctx: AppContext,
  user: SessionUser,
  applicationId: number,
  groups: readonly RecipientGroup[],
  ip: string | null,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await setRecipientGroups(trx, applicationId, groups);
    await audit(
      trx,
      {
        actor: user,
        action: 'set_recipient_groups',
        entity: 'aid_application',
        entityId: applicationId,
        detail: { groups },
        ip,
      },
      ctx.now(),
    );
  });
}

/** The figures of applications received in the period, of one agency or (null) all. */
export async function aidFigures(
  db: Kysely<Database>,
  period: { from: string; to: string },
  agencyId: number | null,
): Promise<AidFigures> {
  const [data, agencies] = await Promise.all([
    figureRows(db, period, agencyId),
    listAgencyNames(db),
  ]);
  return computeFigures(data, { ...period, agencyId }, agencies);
}
