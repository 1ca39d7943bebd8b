/** @module Every domain area, in registration order. */
import { authModule } from './auth/index.js';
import { lawsModule } from './laws/index.js';
import { notifyModule } from './notify/index.js';
import { searchModule } from './search/index.js';
import { qaModule } from './qa/index.js';
import { kbModule } from './kb/index.js';
import { aidModule } from './aid/index.js';
import { consultModule } from './consult/index.js';
import { opinionModule } from './opinion/index.js';
import { directoryModule } from './directory/index.js';
import { statsModule } from './stats/index.js';
import { auditModule } from './core/audit-module.js';
import { demoModule } from './demo/index.js';
import { calendarModule } from './calendar/index.js';
import { programmeModule } from './programme/index.js';
import type { AppModule } from './core/module.js';

export const modules: AppModule[] = [
  authModule,
  // Early: its routes() loads the bureau's calendar edits before any area counts working days.
  calendarModule,
  lawsModule,
  notifyModule,
  searchModule,
  qaModule,
  kbModule,
  aidModule,
  consultModule,
  opinionModule,
  directoryModule,
  programmeModule,
  statsModule,
  auditModule,
  // Last: it seeds through the other areas' services once their start hooks have run.
  demoModule,
];
