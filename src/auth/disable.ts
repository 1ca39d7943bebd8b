/**
 * @module Disabling a staff account (administrators): a disabled account cannot sign in and its sessions
 * end at once. The change is a status-checked UPDATE (`disabled_at IS NULL`), so of two administrators
 * disabling the same account one wins and the other gets 409.
 */
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { badRequest, conflict, notFound } from '../core/errors.js';
import { findUser, setDisabled } from './repository.js';
import type { SessionUser } from './types.js';

export async function setAccountDisabled(
  ctx: AppContext,
  actor: SessionUser,
  userId: number,
  disabled: boolean,
  reason: string | null,
  ip: string | null,
): Promise<void> {
  if (!(await findUser(ctx.db, userId))) throw notFound('账户');
  if (disabled && userId === actor.id)
    throw badRequest('cannot_disable_self', '不能停用自己的账户');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await setDisabled(trx, userId, disabled ? now.toISOString() : null)))
      throw disabled
        ? conflict('already_disabled', '该账户已停用')
        : conflict('not_disabled', '该账户未停用');
    await audit(
      trx,
      {
        actor,
        action: disabled ? 'disable' : 'enable',
        entity: 'user',
        entityId: userId,
        detail: { reason },
        ip,
      },
      now,
    );
  });
}
