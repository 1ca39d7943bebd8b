/** @module The whole database type: core tables plus each domain area's own tables. */
import type { CoreTables } from './core-tables.js';
import type { LawsTables } from '../laws/tables.js';
import type { SearchTables } from '../search/tables.js';
import type { QaTables } from '../qa/tables.js';
import type { KbTables } from '../kb/tables.js';
import type { AidTables } from '../aid/tables.js';
import type { ConsultTables } from '../consult/tables.js';
import type { OpinionTables } from '../opinion/tables.js';
import type { DirectoryTables } from '../directory/tables.js';
import type { StatsTables } from '../stats/tables.js';

export interface Database
  extends
    CoreTables,
    LawsTables,
    SearchTables,
    QaTables,
    KbTables,
    AidTables,
    ConsultTables,
    OpinionTables,
    DirectoryTables,
    StatsTables {}
