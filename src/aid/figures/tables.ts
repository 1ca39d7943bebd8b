/** @module Row type of the figures sub-area: the recipient categories recorded on an application (one row each). */

/** One recipient category (农民工, 老年人, …) of one application; (application_id, grp) is unique. */
export interface AidRecipientGroupRow {
  application_id: number;
  grp: string;
}

export interface AidFiguresTables {
  aid_recipient_groups: AidRecipientGroupRow;
}

declare module '../../db/schema.js' {
  interface Database extends AidFiguresTables {}
}
