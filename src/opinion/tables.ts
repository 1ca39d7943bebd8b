/** @module Row types of the opinion area's tables. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpinionTables {}
