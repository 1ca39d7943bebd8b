/** @module Human-readable output of an import: a progress bar and the per-file anomaly summary. */
import type { ImportIssue, ImportReport } from './importer.js';

const KIND_NAMES: Record<string, string> = {
  article_defect: '条文行格式缺陷（已修正读入）',
  run_together: '多条条文写在同一行（已拆分）',
  numbering: '条文编号不连续',
  no_articles: '无条文（按段落保存）',
  loose_text: '条文之外的文字（另存为正文）',
  deleted_article: '已删去的条文',
  duplicate: '重复文件（未重复导入）',
};

/** `[██████░░░░] 60% 923/1538` for a terminal line. */
export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const full = Math.round(ratio * width);
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${Math.round(ratio * 100)
    .toString()
    .padStart(3)}% ${done}/${total}`;
}

/** One block per file with its anomalies, then a count per kind. */
export function formatIssues(issues: ImportIssue[]): string[] {
  const byPath = new Map<string, ImportIssue[]>();
  for (const i of issues) byPath.set(i.path, [...(byPath.get(i.path) ?? []), i]);
  const lines: string[] = [];
  for (const [p, list] of [...byPath].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`⚠ ${p}`);
    for (const i of list) lines.push(`    [${KIND_NAMES[i.kind] ?? i.kind}] ${i.detail}`);
  }
  const kinds = new Map<string, number>();
  for (const i of issues) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
  if (kinds.size) {
    lines.push(
      `异常汇总：${[...kinds].map(([k, n]) => `${KIND_NAMES[k] ?? k} ${n}`).join('；')}（涉及 ${byPath.size} 个文件）`,
    );
  }
  return lines;
}

export function formatSummary(r: ImportReport, ms: number): string {
  return (
    `导入完成：${r.files} 个文件、${r.units} 个法律版本，解析 ${r.parsed} 个、未变化跳过 ${r.skipped} 个、` +
    `移除 ${r.removed} 个；写入 ${r.articlesWritten} 条。库中现有 ${r.laws} 个法律版本、${r.articles} 条条文` +
    `（语料版本 ${r.corpusVersion}，用时 ${(ms / 1000).toFixed(1)} 秒）`
  );
}
