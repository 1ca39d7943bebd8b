/** @module The signed-in user as every layer sees it (core, every area); the auth area signs users in. */
import type { Role } from '../db/core-tables.js';

export type { Role };

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  displayName: string;
  agencyId: number | null;
  csrfToken: string;
}
