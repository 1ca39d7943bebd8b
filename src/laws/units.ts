/**
 * @module Reads a corpus directory into import units: one unit per law version. A unit is one file,
 * except the eight 民法典 files, which together are one version of one law. Content hashes decide
 * what an import must re-parse.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeLawName } from './names.js';
import { parseLawFile, type ParsedArticle, type ParsedFile, type ParseIssue } from './parser.js';

export interface SourceFile {
  rel: string;
  content: string;
  hash: string;
}

export interface ImportUnit {
  /** `source_path` of the law row: the file, or `民法典/` for the civil code. */
  key: string;
  files: SourceFile[];
  hash: string;
  /** law_key and date as read from the file name, for de-duplication before parsing. */
  lawKey: string;
  nameDate: string | null;
}

/** Upstream order of the 民法典 parts; numbering runs on across them. */
const CIVIL_CODE_ORDER = [
  '总则',
  '物权编',
  '合同编',
  '人格权编',
  '婚姻家庭编',
  '继承编',
  '侵权责任编',
  '附则',
];

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every statute file under `dir` (README and Hugo `_index.md` stubs excluded), relative, sorted. */
export function listCorpusFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (e.name.endsWith('.md') && e.name !== 'README.md' && e.name !== '_index.md')
        out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

function isCivilCode(rel: string, region: string | null): boolean {
  return !region && rel.startsWith('民法典/');
}

/** Groups files into units and drops exact duplicates of one law version found in two folders. */
export function buildUnits(
  dir: string,
  rels: string[],
  region: string | null,
): { units: ImportUnit[]; duplicates: { path: string; keptPath: string }[] } {
  const byKey = new Map<string, ImportUnit>();
  for (const rel of rels) {
    const content = readFileSync(path.join(dir, rel), 'utf8');
    const file: SourceFile = { rel, content, hash: sha(content) };
    const civil = isCivilCode(rel, region);
    const key = civil ? '民法典/' : rel;
    const base = rel.split('/').pop() ?? rel;
    const m = /^(.*)\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(base);
    const unit = byKey.get(key) ?? {
      key,
      files: [],
      hash: '',
      lawKey: civil ? '民法典' : normalizeLawName(m?.[1] ?? base.replace(/\.md$/, '')),
      nameDate: m?.[2] ?? null,
    };
    unit.files.push(file);
    byKey.set(key, unit);
  }
  const seen = new Map<string, string>();
  const units: ImportUnit[] = [];
  const duplicates: { path: string; keptPath: string }[] = [];
  for (const u of byKey.values()) {
    if (u.key === '民法典/') {
      const order = (f: SourceFile) => CIVIL_CODE_ORDER.indexOf(path.basename(f.rel, '.md'));
      u.files.sort((a, b) => order(a) - order(b));
    }
    u.hash = sha(u.files.map((f) => `${f.rel}\0${f.hash}`).join('\n'));
    // The same law and date in two folders (居民身份证法 in 宪法相关法 and 行政法) is one version.
    const id = u.nameDate ? `${u.lawKey}@${u.nameDate}` : null;
    const kept = id ? seen.get(id) : undefined;
    if (kept) {
      duplicates.push({ path: u.key, keptPath: kept });
      continue;
    }
    if (id) seen.set(id, u.key);
    units.push(u);
  }
  return { units, duplicates };
}

export interface ParsedUnit extends Omit<ParsedFile, 'path' | 'partTitle'> {
  key: string;
  hash: string;
  files: string[];
}

/** Parses a unit; the 民法典 parts are joined into one article list and one header. */
export function parseUnit(u: ImportUnit, region: string | null): ParsedUnit {
  const parsed = u.files.map((f) => parseLawFile(f.rel, f.content, { region }));
  const first = parsed[0];
  if (!first) throw new Error(`empty unit ${u.key}`);
  const articles: ParsedArticle[] = [];
  const issues: ParseIssue[] = [];
  for (const p of parsed) {
    const prev = articles[articles.length - 1];
    const next = p.articles[0];
    if (prev && next && next.sub === 0 && next.num !== prev.num + 1) {
      issues.push({
        kind: 'numbering',
        detail: `${p.path} 从 ${next.label} 开始，未接续 ${prev.label}`,
      });
    }
    articles.push(...p.articles);
    issues.push(
      ...p.issues.map((i) => (parsed.length > 1 ? { ...i, detail: `${p.path}：${i.detail}` } : i)),
    );
  }
  const dates = parsed.map((p) => p.versionDate).filter((d): d is string => !!d);
  const loose = parsed.map((p) => p.looseText).filter(Boolean);
  return {
    ...first,
    key: u.key,
    hash: u.hash,
    files: u.files.map((f) => f.rel),
    versionDate: dates.sort().pop() ?? null,
    header: parsed.length > 1 ? (parsed.map((p) => p.header).find(Boolean) ?? null) : first.header,
    looseText: loose.length ? loose.join('\n') : null,
    articles,
    issues,
  };
}
