/** @module Row types of the consult area's tables. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConsultTables {}
