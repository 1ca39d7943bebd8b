/** @module Row types of the stats area's tables. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StatsTables {}
