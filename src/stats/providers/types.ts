/** @module The shape every dashboard provider returns: headline figures, tables and chart series for one module over a period. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chinaMonth } from '../../core/time.js';

/** Local (China) dates, both inclusive. */
export interface Period {
  from: string;
  to: string;
}

export interface Metric {
  key: string;
  label: string;
  value: number;
  /** 件, 人, %, 小时… */
  unit: string;
}

export interface TableBlock {
  key: string;
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, string | number>[];
}

export interface ChartBlock {
  key: string;
  title: string;
  type: 'bar' | 'line' | 'pie';
  categories: string[];
  series: { name: string; data: number[] }[];
}

export interface Section {
  key: string;
  title: string;
  metrics: Metric[];
  tables: TableBlock[];
  charts: ChartBlock[];
}

export interface ProviderInput {
  db: Kysely<Database>;
  period: Period;
  /** Today's local date, for "overdue now" figures. */
  today: string;
}

/** One module's contribution to the dashboard; a module that has not landed simply has no provider. */
export interface StatsProvider {
  key: string;
  title: string;
  collect(input: ProviderInput): Promise<Section>;
}

/** Local date bounds as UTC ISO instants: [from 00:00 China, to+1 00:00 China). */
export function instantBounds(p: Period): { from: string; to: string } {
  const at = (d: string) => new Date(`${d}T00:00:00+08:00`);
  return {
    from: at(p.from).toISOString(),
    to: new Date(at(p.to).getTime() + 86_400_000).toISOString(),
  };
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = p.to.slice(0, 7);
  for (let key = p.from.slice(0, 7); key <= end && out.length < 240;) {
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

/** The China-local month of a UTC ISO instant. */
export const localMonth = (iso: string) => chinaMonth(iso);

export const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

/** Counts items by a key, in the order of `keys`. */
export function countBy<T>(items: T[], keyOf: (t: T) => string, keys: string[]): number[] {
  const m = new Map<string, number>();
  for (const i of items) m.set(keyOf(i), (m.get(keyOf(i)) ?? 0) + 1);
  return keys.map((k) => m.get(k) ?? 0);
}
