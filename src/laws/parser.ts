/**
 * @module Parses one statute Markdown file (LawRefBook layout, or the whthomas layout of local regulations)
 * into law metadata, a heading path per article and the articles' exact text; every defect it repairs or
 * cannot place is reported as an issue instead of being dropped silently.
 */
import type { LawLevel } from './tables.js';
import { articleLabel, parseChineseNumber } from '../core/numerals.js';
import { normalizeLawName } from './names.js';

export interface ParsedArticle {
  num: number;
  sub: number;
  label: string;
  heading: string | null;
  /** Exact text: the first 款 after the label, further 款/项 joined by '\n'. */
  text: string;
}

export interface ParseIssue {
  kind: string;
  detail: string;
}

export interface ParsedFile {
  path: string;
  title: string;
  /** The second H1 of a 民法典 file (总则, 物权编 …). */
  partTitle: string | null;
  lawKey: string;
  level: LawLevel;
  category: string;
  region: string | null;
  versionDate: string | null;
  effectiveDate: string | null;
  issuer: string | null;
  header: string | null;
  /** Text outside any article (preamble, 序言, or the whole body of a file without articles), headings kept. */
  looseText: string | null;
  /** Status declared by the source itself (whthomas `status`), if any. */
  declaredStatus: 'repealed' | 'superseded' | null;
  articles: ParsedArticle[];
  issues: ParseIssue[];
}

const LEVEL_BY_FOLDER: Record<string, LawLevel> = {
  宪法: '宪法',
  宪法相关法: '法律',
  民法典: '法律',
  民法商法: '法律',
  行政法: '法律',
  经济法: '法律',
  社会法: '法律',
  刑法: '法律',
  诉讼与非诉讼程序法: '法律',
  司法解释: '司法解释',
  行政法规: '行政法规',
  部门规章: '部门规章',
  地方性法规: '地方性法规',
  其他: '其他',
};

/** 民法典 parts as headings; their files carry only the short part name. */
const CIVIL_CODE_PARTS: Record<string, string> = {
  总则: '第一编 总则',
  物权编: '第二编 物权',
  合同编: '第三编 合同',
  人格权编: '第四编 人格权',
  婚姻家庭编: '第五编 婚姻家庭',
  继承编: '第六编 继承',
  侵权责任编: '第七编 侵权责任',
  附则: '附则',
};

const ISSUERS = [
  '全国人民代表大会常务委员会',
  '全国人民代表大会',
  '国务院',
  '中央军事委员会',
  '最高人民法院',
  '最高人民检察院',
];

const N = '[零〇一二三四五六七八九十百千]+';
const STRICT = new RegExp(`^第(${N})条(?:之([一二三四五六七八九十]+))?(?:[ \\u3000]+(.*))?$`);
/** Known source defects: 笫 for 第, a space before 条, no space after it. */
const LENIENT = new RegExp(
  `^[第笫][ \\u3000]*(${N})[ \\u3000]*条(?:之([一二三四五六七八九十]+))?[ \\u3000]*(.*)$`,
);
/** An article start run into the previous sentence (飞行基本规则 puts whole chapters on one line). */
const EMBEDDED = new RegExp(
  `([。；：”）)])[ \\u3000]+第(${N})条(?:之([一二三四五六七八九十]+))?[ \\u3000]+`,
  'g',
);
const HEADING = /^(#{2,6})[ \u3000]*(.+)$/;
const PLAIN_HEADING = new RegExp(`^(?:第${N}[编章节]|附则|附录)(?:[ \\u3000]|$)`);
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日/;

const pad = (n: string) => n.padStart(2, '0');

function dateOf(line: string): string | null {
  const m = DATE_LINE.exec(line.replace(/^[>（(\s\u3000]+/, ''));
  return m ? `${m[1]}-${pad(m[2] ?? '')}-${pad(m[3] ?? '')}` : null;
}

function issuerOf(line: string): string | null {
  const found: string[] = [];
  for (const name of ISSUERS) {
    if (line.includes(name) && !found.some((f) => f.includes(name))) found.push(name);
  }
  return found.length ? found.join('、') : null;
}

interface FrontMatter {
  body: string;
  fields: Record<string, string>;
}

function splitFrontMatter(content: string): FrontMatter {
  if (!content.startsWith('---\n')) return { body: content, fields: {} };
  const end = content.indexOf('\n---', 4);
  if (end < 0) return { body: content, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of content.slice(4, end).split('\n')) {
    const m = /^(\w+):\s*"?(.*?)"?\s*$/.exec(line);
    if (m?.[1]) fields[m[1]] = m[2] ?? '';
  }
  return { body: content.slice(end + 4).replace(/^[^\n]*\n/, ''), fields };
}

/** Where a file belongs: level and category from its folder, or the region it was imported for. */
function classify(relPath: string, region: string | null): { level: LawLevel; category: string } {
  if (region) return { level: '地方性法规', category: region };
  const parts = relPath.split('/');
  const top = parts[0] ?? '';
  const level = LEVEL_BY_FOLDER[top] ?? '其他';
  const category = top === '部门规章' && parts.length > 2 ? (parts[1] ?? top) : top;
  return { level, category };
}

function shortNameOf(relPath: string): { name: string; date: string | null } {
  const base = relPath.split('/').pop() ?? relPath;
  const m = /^(.*)\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(base);
  if (m) return { name: m[1] ?? base, date: m[2] ?? null };
  return { name: base.replace(/\.md$/, ''), date: null };
}

/** Parses one file. `relPath` is relative to the corpus root (its folders give level and category). */
export function parseLawFile(
  relPath: string,
  content: string,
  opts: { region?: string | null } = {},
): ParsedFile {
  const region = opts.region ?? null;
  const { body: text, fields } = splitFrontMatter(content.replace(/\r\n?/g, '\n'));
  const lines = text.split('\n');
  const issues: ParseIssue[] = [];
  const { name, date: fileDate } = shortNameOf(relPath);
  const { level, category } = classify(relPath, region);
  const isCivilCode = relPath.startsWith('民法典/') && !region;

  // Title lines (H1), then header lines up to the INFO END marker (LawRefBook) or the first article/heading.
  let i = 0;
  const h1: string[] = [];
  while (i < lines.length) {
    const l = (lines[i] ?? '').trim();
    if (l.startsWith('# ')) h1.push(l.slice(2).trim());
    else if (l !== '') break;
    i++;
  }
  const title = fields.title || h1[0] || name;
  const partTitle = isCivilCode ? (h1[1] ?? null) : null;
  const markerAt = lines.indexOf('<!-- INFO END -->', i);
  const headerLines: string[] = [];
  if (markerAt >= 0) {
    for (const l of lines.slice(i, markerAt)) if (l.trim()) headerLines.push(l.trim());
    i = markerAt + 1;
  } else {
    // whthomas layout: the title repeated, then a parenthesised history, until the body starts.
    while (i < lines.length) {
      const l = (lines[i] ?? '').replace(/^[\s\u3000]+/, '');
      if (
        LENIENT.test(l) ||
        PLAIN_HEADING.test(l) ||
        /^目[\s\u3000]*录$/.test(l) ||
        l.startsWith('#')
      )
        break;
      if (l && l !== title) headerLines.push(l.replace(/^>\s*/, ''));
      i++;
    }
  }
  // A parenthesised history holds several events on one line; split it at each date.
  const events = headerLines
    .flatMap((l) =>
      l.replace(/^[（(]|[）)]$/g, '').split(/[\s\u3000]+(?=\d{4}年\d{1,2}月\d{1,2}日)/),
    )
    .filter(Boolean);
  const dates = events.map(dateOf).filter((d): d is string => d !== null);
  const effective = events.find((e) => /施行|生效/.test(e) && dateOf(e));
  const publish = /^\d{4}-\d{2}-\d{2}/.exec(fields.publish ?? '')?.[0] ?? null;
  const versionDate = fileDate ?? publish ?? (dates.length ? [...dates].sort().pop()! : null);
  const effectiveDate =
    /^\d{4}-\d{2}-\d{2}/.exec(fields.effective_date ?? '')?.[0] ??
    (effective ? dateOf(effective) : null);
  const issuer =
    fields.office ||
    issuerOf(events[0] ?? '') ||
    (level === '部门规章' && category !== '部门规章' ? category : null);
  let declaredStatus: ParsedFile['declaredStatus'] = null;
  if (fields.status === '已废止' || fields.status === '失效') declaredStatus = 'repealed';
  else if (fields.status === '已修改') declaredStatus = 'superseded';

  const body = parseBody(lines.slice(i), {
    local: markerAt < 0,
    rootHeading: partTitle ? (CIVIL_CODE_PARTS[partTitle] ?? partTitle) : null,
    issues,
  });
  if (body.articles.length === 0) {
    issues.push({ kind: 'no_articles', detail: '全文无“第X条”条文，正文按段落保存' });
  }
  const lawKey = isCivilCode ? '民法典' : normalizeLawName(name);
  return {
    path: relPath,
    title,
    partTitle,
    lawKey,
    level,
    category,
    region,
    versionDate,
    effectiveDate,
    issuer: issuer || null,
    header: headerLines.length ? headerLines.join('\n') : null,
    looseText: body.loose.length ? body.loose.join('\n') : null,
    declaredStatus,
    articles: body.articles,
    issues,
  };
}

interface BodyOpts {
  local: boolean;
  rootHeading: string | null;
  issues: ParseIssue[];
}

interface Open {
  num: number;
  sub: number;
  heading: string | null;
  paras: string[];
}

/** `第一章  总 则` → `第一章 总则`: one space after the number, none inside the typeset title. */
function cleanHeading(raw: string): string {
  const t = raw.trim().replace(/[\s\u3000]+/g, ' ');
  const m = new RegExp(`^(第${N}[编分章节]+|[一二三四五六七八九十]+、)\\s*(.*)$`).exec(t);
  if (!m) return t;
  const title = (m[2] ?? '').replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '');
  return m[1]?.endsWith('、') ? `${m[1]}${title}` : `${m[1]} ${title}`.trim();
}

/** Walks the body lines: headings build the path, article lines open articles, other paragraphs attach. */
function parseBody(lines: string[], o: BodyOpts): { articles: ParsedArticle[]; loose: string[] } {
  const articles: ParsedArticle[] = [];
  const loose: string[] = [];
  const stack: string[] = [];
  let current: Open | null = null;
  let afterHeading = false;
  let runTogether = 0;
  let orphan = 0;
  let toc: string | null | undefined; // undefined: no 目录; null: inside it; string: its first entry
  const headingPath = () => {
    const path = [o.rootHeading, ...stack].filter(Boolean);
    return path.length ? path.join(' / ') : null;
  };
  const close = () => {
    if (!current) return;
    articles.push({
      num: current.num,
      sub: current.sub,
      label: articleLabel(current.num, current.sub),
      heading: current.heading,
      text: current.paras.join('\n'),
    });
    current = null;
  };
  const last = () => (current ? current : articles[articles.length - 1]);
  const expected = (num: number, sub: number) => {
    const prev = last();
    if (!prev) return num === 1;
    return sub === 0 ? num === prev.num + 1 : num === prev.num && sub === prev.sub + 1;
  };
  const open = (num: number, sub: number, first: string) => {
    const prev = last();
    if (prev && !expected(num, sub)) {
      o.issues.push({
        kind: 'numbering',
        detail: `${articleLabel(num, sub)} 紧接在 ${articleLabel(prev.num, prev.sub)} 之后（编号不连续）`,
      });
    }
    close();
    current = { num, sub, heading: headingPath(), paras: [] };
    addText(first);
  };
  // Splits a paragraph at article starts run into it (only the next number in sequence counts).
  const addText = (para: string) => {
    let rest = para;
    for (;;) {
      EMBEDDED.lastIndex = 0;
      let m: RegExpExecArray | null;
      let split = -1;
      let next: { num: number; sub: number; at: number } | null = null;
      while ((m = EMBEDDED.exec(rest))) {
        const num = parseChineseNumber(m[2] ?? '');
        const sub = m[3] ? (parseChineseNumber(m[3]) ?? 0) : 0;
        if (num !== null && current && expected(num, sub)) {
          split = m.index + (m[1] ?? '').length;
          next = { num, sub, at: m.index + m[0].length };
          break;
        }
      }
      if (!next || !current) break;
      const head = rest.slice(0, split);
      if (head) current.paras.push(head);
      runTogether++;
      rest = rest.slice(next.at);
      close();
      current = { num: next.num, sub: next.sub, heading: headingPath(), paras: [] };
    }
    if (current) current.paras.push(rest);
  };

  for (const raw of lines) {
    const l = raw.replace(/^[ \u3000]+/, '').trimEnd();
    // Lines of only zero-width spaces separate headings in some files; they are not text.
    if (!l.replace(/[\u200b-\u200d\ufeff]/g, '') || /^<!--.*-->$/.test(l)) continue;
    if (o.local && /^目[\s\u3000]*录$/.test(l)) {
      toc = null;
      continue;
    }
    const h = HEADING.exec(l);
    const plain = !h && o.local && PLAIN_HEADING.test(l) ? l : null;
    if (h || plain) {
      const text = cleanHeading(h ? (h[2] ?? '') : (plain ?? ''));
      if (o.local && toc === null) {
        toc = text; // first 目录 entry; the body starts where it comes again
        continue;
      }
      if (o.local && typeof toc === 'string') {
        if (text !== toc) continue;
        toc = undefined;
      }
      const depth = h
        ? (h[1] ?? '##').length - 2
        : /编/.test(text.slice(0, 8))
          ? 0
          : /节/.test(text.slice(0, 8))
            ? 2
            : 1;
      stack.length = Math.min(stack.length, depth);
      stack[depth] = text;
      for (let k = 0; k < depth; k++) stack[k] ??= '';
      close();
      afterHeading = true;
      if (articles.length === 0) loose.push(l);
      continue;
    }
    if (o.local && toc !== undefined && typeof toc === 'string') continue;
    const s = STRICT.exec(l);
    if (s) {
      const num = parseChineseNumber(s[1] ?? '');
      const sub = s[2] ? (parseChineseNumber(s[2]) ?? 0) : 0;
      if (num !== null) {
        open(num, sub, s[3] ?? '');
        afterHeading = false;
        continue;
      }
    }
    const len = LENIENT.exec(l);
    if (len) {
      const num = parseChineseNumber(len[1] ?? '');
      const sub = len[2] ? (parseChineseNumber(len[2]) ?? 0) : 0;
      if (num !== null && expected(num, sub)) {
        o.issues.push({
          kind: 'article_defect',
          detail: `条文行格式有误，已按 ${articleLabel(num, sub)} 读入：「${l.slice(0, 20)}…」`,
        });
        open(num, sub, len[3] ?? '');
        afterHeading = false;
        continue;
      }
    }
    if (current && !afterHeading) {
      addText(l);
    } else {
      if (articles.length > 0 || current) orphan++;
      loose.push(l);
    }
  }
  close();
  if (runTogether) {
    o.issues.push({
      kind: 'run_together',
      detail: `${runTogether} 条条文与前一条写在同一行，已按条拆分（条内款项未拆分）`,
    });
  }
  if (orphan) {
    o.issues.push({
      kind: 'loose_text',
      detail: `${orphan} 段文字不属于任何条文（位于标题之后、下一条之前），已另存为正文`,
    });
  }
  // Headings before the first article are already in the articles' heading paths; keep them as loose
  // text only where they frame text of their own (序言, a file without articles).
  if (articles.length > 0 && loose.every((l) => l.startsWith('#'))) loose.length = 0;
  const deleted = articles.filter((a) => /^[（(]删去[）)]$/.test(a.text));
  for (const a of deleted) o.issues.push({ kind: 'deleted_article', detail: `${a.label} 已删去` });
  return { articles, loose };
}
