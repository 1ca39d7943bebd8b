/** @module Row types of the stats area's tables: the bureau's yearly targets for the half-year report. */
import type { Generated } from 'kysely';

export interface StatsTargetRow {
  id: Generated<number>;
  year: number;
  /** `<section>.<metric>`, e.g. `aid.granted`. */
  metric: string;
  target: number;
  updated_at: string;
}

export interface StatsTables {
  stats_targets: StatsTargetRow;
}

// The area brings its tables into the one database type (db/schema.ts); db/ itself names no area.
declare module '../db/schema.js' {
  interface Database extends StatsTables {}
}
