/** @module Authorization, checked one way everywhere: each resource declares its rules; `authorize()` enforces them. */
import type { SessionUser } from './session.js';
import { forbidden, notFound, unauthenticated } from './errors.js';

/** A rule decides whether `user` may do an action on `resource`. */
export type Rule<R> = (user: SessionUser, resource: R) => boolean;

export interface Policy<R, A extends string> {
  resource: string;
  /** Chinese name used in 404 messages, e.g. 申请. */
  label: string;
  rules: Record<A, Rule<R>>;
  /** The action that, when denied, makes the record invisible (404 rather than 403 so ids don't leak). */
  readAction: A;
}

export function definePolicy<R, A extends string>(p: Policy<R, A>): Policy<R, A> {
  return p;
}

/** True when the user may perform the action (for `can()` in the UI). */
export function can<R, A extends string>(
  policy: Policy<R, A>,
  user: SessionUser | null,
  action: A,
  resource: R,
): boolean {
  if (!user) return false;
  return policy.rules[action](user, resource);
}

/**
 * Throws unless `user` may perform `action`. A user who may not even read the record gets 404.
 * @throws AppError 401 without a user, 404 when the record is invisible, 403 otherwise.
 */
export function authorize<R, A extends string>(
  policy: Policy<R, A>,
  user: SessionUser | null,
  action: A,
  resource: R | undefined | null,
): R {
  if (!resource) throw notFound(policy.label);
  if (!user) throw unauthenticated();
  if (!policy.rules[policy.readAction](user, resource)) throw notFound(policy.label);
  if (!policy.rules[action](user, resource)) throw forbidden();
  return resource;
}

/** The actions a user may perform on a resource, presented alongside it. */
export function allowedActions<R, A extends string>(
  policy: Policy<R, A>,
  user: SessionUser | null,
  resource: R,
): A[] {
  if (!user) return [];
  return (Object.keys(policy.rules) as A[]).filter((a) => policy.rules[a](user, resource));
}
