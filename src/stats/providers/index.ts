/** @module The dashboard's providers, one per module, in the order the dashboard shows them. */
import { aidProvider } from './aid.js';
import { appraisalProvider } from './appraisal.js';
import { directoryProvider } from './directory.js';
import { notaryProvider } from './notary.js';
import type { StatsProvider } from './types.js';

export const PROVIDERS: StatsProvider[] = [
  aidProvider,
  notaryProvider,
  appraisalProvider,
  directoryProvider,
];
