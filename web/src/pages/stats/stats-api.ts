/** @module Calls of the dashboard API, each answer checked against src/contracts/stats.ts. */
import { api } from '../../api';
import { Dashboard, Report, Targets } from '../../../../src/contracts/stats';

export type {
  ChartBlock,
  Metric,
  Report,
  Section,
  TableBlock,
} from '../../../../src/contracts/stats';

export const getDashboard = (from: string, to: string) =>
  api('GET', `/stats/dashboard?from=${from}&to=${to}`, undefined, Dashboard);
export const getReport = (year: number, half: string) =>
  api('GET', `/stats/report?year=${year}&half=${half}`, undefined, Report);
export const getTargets = (year: number) =>
  api('GET', `/stats/targets?year=${year}`, undefined, Targets);
export const putTargets = (year: number, targets: { metric: string; target: number }[]) =>
  api('PUT', '/stats/targets', { year, targets }, Targets);
