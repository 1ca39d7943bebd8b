/** @module Row types of the qa area's tables. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface QaTables {}
