/** @module The dashboard's providers, one per module, in the order the dashboard shows them. */
import { aidProvider } from './aid.js';
import { appraisalProvider } from './appraisal.js';
import { consultProvider } from './consult.js';
import { directoryProvider } from './directory.js';
import { notaryProvider } from './notary.js';
import { opinionProvider } from './opinion.js';
import { publicityProvider } from './publicity.js';
import { qaProvider } from './qa.js';
import type { StatsProvider } from './types.js';

export const PROVIDERS: StatsProvider[] = [
  qaProvider,
  aidProvider,
  consultProvider,
  publicityProvider,
  opinionProvider,
  notaryProvider,
  appraisalProvider,
  directoryProvider,
];
