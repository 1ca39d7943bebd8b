/** @module Row types of the aid area's tables. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AidTables {}
