/**
 * @module The editing form of one knowledge-base entry: text fields for every part of IssueContent,
 * conversion both ways, the checks the browser can do before the server's, and readable names for
 * the server's field paths (content.articles.0.article → 关键条文第 1 行的条).
 */
import { AID_ITEMS, type AidItem, type IssueContent, type Scenario, type Topic } from './kb-api';

export interface ArticleRow {
  law: string;
  article: string;
  sub: string;
  paragraphs: string;
  note: string;
}
export interface StepRow {
  text: string;
  law: string;
  article: string;
}
export interface OptionRow {
  label: string;
  issue: string;
}
export interface IssueForm {
  id: string;
  title: string;
  topic: Topic | '';
  /** One phrasing per line. */
  phrasings: string;
  articles: ArticleRow[];
  explanation: string;
  steps: StepRow[];
  toolScenario: Scenario | '';
  toolLabel: string;
  /** Kept as it was while the scenario stays the same (the form does not edit presets). */
  toolPreset?: { scenario: Scenario; values: Record<string, string | number | boolean> };
  /** '' none, 'general', or '31-五' / '32-四'. */
  legalAid: string;
  lawyer: string;
  clarifyQuestion: string;
  options: OptionRow[];
}

export const emptyArticle = (): ArticleRow => ({
  law: '',
  article: '',
  sub: '',
  paragraphs: '',
  note: '',
});
export const emptyStep = (): StepRow => ({ text: '', law: '', article: '' });
export const emptyOption = (): OptionRow => ({ label: '', issue: '' });

export const AID_OPTIONS: { value: string; label: string }[] = [
  { value: '', label: '不适用' },
  { value: 'general', label: '法律援助本身（general）' },
  ...[
    '国家赔偿',
    '社会保险待遇或者社会救助',
    '抚恤金',
    '赡养费、抚养费、扶养费',
    '确认劳动关系或者支付劳动报酬',
    '认定无/限制民事行为能力',
    '工伤、交通、食品药品、医疗事故人身损害赔偿',
    '环境污染、生态破坏损害赔偿',
    '其他情形',
  ].map((d, i) => ({ value: `31-${AID_ITEMS[i]}`, label: `第31条（${AID_ITEMS[i]}）${d}` })),
  ...[
    '英雄烈士人格权益',
    '见义勇为',
    '再审改判无罪请求国家赔偿',
    '虐待、遗弃、家庭暴力受害人',
    '其他情形',
  ].map((d, i) => ({ value: `32-${AID_ITEMS[i]}`, label: `第32条（${AID_ITEMS[i]}）${d}` })),
];

export function emptyForm(): IssueForm {
  return {
    id: '',
    title: '',
    topic: '',
    phrasings: '',
    articles: [emptyArticle()],
    explanation: '',
    steps: [emptyStep()],
    toolScenario: '',
    toolLabel: '',
    legalAid: '',
    lawyer: '',
    clarifyQuestion: '',
    options: [],
  };
}

export function formFrom(c: IssueContent): IssueForm {
  return {
    id: c.id,
    title: c.title,
    topic: c.topic,
    phrasings: c.phrasings.join('\n'),
    articles: c.articles.map((a) => ({
      law: a.law,
      article: String(a.article),
      sub: a.sub ? String(a.sub) : '',
      paragraphs: (a.paragraphs ?? []).join(','),
      note: a.note ?? '',
    })),
    explanation: c.explanation,
    steps: c.steps.map((s) => ({
      text: s.text,
      law: s.basis?.law ?? '',
      article: s.basis ? String(s.basis.article) : '',
    })),
    toolScenario: c.tool?.scenario ?? '',
    toolLabel: c.tool?.label ?? '',
    ...(c.tool?.preset ? { toolPreset: { scenario: c.tool.scenario, values: c.tool.preset } } : {}),
    legalAid:
      c.legalAid === 'general'
        ? 'general'
        : c.legalAid
          ? `${c.legalAid.article}-${c.legalAid.item}`
          : '',
    lawyer: c.lawyer,
    clarifyQuestion: c.clarify?.question ?? '',
    options: c.clarify?.options.map((o) => ({ ...o })) ?? [],
  };
}

const int = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

/** The content the form describes, or the reasons it cannot be sent yet. */
export function contentFrom(f: IssueForm): { content: IssueContent; errors: string[] } {
  const errors: string[] = [];
  const phrasings = f.phrasings
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (phrasings.length < 5) errors.push(`问法至少 5 条（一行一条），现为 ${phrasings.length} 条`);
  if (!f.topic) errors.push('请选择主题');
  const articles = f.articles.map((a, i) => {
    const n = int(a.article);
    if (!(n > 0)) errors.push(`关键条文第 ${i + 1} 行：条号应为正整数`);
    const sub = a.sub.trim() ? int(a.sub) : 0;
    if (Number.isNaN(sub)) errors.push(`关键条文第 ${i + 1} 行：之几应为数字`);
    const paragraphs = a.paragraphs
      .split(/[,，、\s]+/)
      .filter(Boolean)
      .map(int);
    if (paragraphs.some((p) => !(p > 0)))
      errors.push(`关键条文第 ${i + 1} 行：款应为用逗号分隔的数字`);
    return {
      law: a.law.trim(),
      article: n,
      ...(sub > 0 ? { sub } : {}),
      ...(paragraphs.length ? { paragraphs } : {}),
      ...(a.note.trim() ? { note: a.note.trim() } : {}),
    };
  });
  const steps = f.steps.map((s, i) => {
    const law = s.law.trim();
    const n = s.article.trim() ? int(s.article) : null;
    if ((law && n === null) || (!law && n !== null) || Number.isNaN(n))
      errors.push(`下一步第 ${i + 1} 行：依据须同时填写法规名称和条号（条号为数字）`);
    return { text: s.text.trim(), ...(law && n ? { basis: { law, article: n } } : {}) };
  });
  const [art, item] = f.legalAid.split('-');
  const legalAid =
    f.legalAid === 'general'
      ? ('general' as const)
      : art
        ? { article: Number(art) as 31 | 32, item: item as AidItem }
        : undefined;
  const clarify = f.clarifyQuestion.trim()
    ? {
        question: f.clarifyQuestion.trim(),
        options: f.options.map((o) => ({ label: o.label.trim(), issue: o.issue.trim() })),
      }
    : undefined;
  if (!clarify && f.options.some((o) => o.label.trim() || o.issue.trim()))
    errors.push('追问选项需要先填写追问的问题');
  const content: IssueContent = {
    id: f.id.trim(),
    title: f.title.trim(),
    topic: f.topic as Topic,
    phrasings,
    articles,
    explanation: f.explanation.trim(),
    steps,
    ...(f.toolScenario
      ? {
          tool: {
            scenario: f.toolScenario,
            label: f.toolLabel.trim(),
            ...(f.toolPreset?.scenario === f.toolScenario ? { preset: f.toolPreset.values } : {}),
          },
        }
      : {}),
    ...(legalAid ? { legalAid } : {}),
    lawyer: f.lawyer.trim(),
    ...(clarify ? { clarify } : {}),
  };
  return { content, errors };
}

const FIELD_NAMES: Record<string, string> = {
  id: '问题编号',
  title: '标题',
  topic: '主题',
  phrasings: '问法',
  articles: '关键条文',
  explanation: '通俗解释',
  steps: '下一步',
  tool: '计算器',
  legalAid: '法律援助',
  lawyer: '何时找律师',
  clarify: '追问',
  law: '法规名称',
  article: '条',
  sub: '之几',
  paragraphs: '款',
  note: '说明',
  text: '内容',
  basis: '依据',
  scenario: '场景',
  label: '文字',
  question: '问题',
  options: '选项',
  issue: '问题编号',
};

/** 'content.articles.0.law' → '关键条文 第 1 行 法规名称'. */
export function fieldName(path: string): string {
  return path
    .split('.')
    .filter((p) => p !== 'content')
    .map((p) => (/^\d+$/.test(p) ? `第 ${Number(p) + 1} 行` : (FIELD_NAMES[p] ?? p)))
    .join(' ');
}
