/** @module Row types of the directory area's tables. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DirectoryTables {}
