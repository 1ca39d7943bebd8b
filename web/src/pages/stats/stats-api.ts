/** @module Types of the dashboard API. */
export interface Metric {
  key: string;
  label: string;
  value: number;
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
