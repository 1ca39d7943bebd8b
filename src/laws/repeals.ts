/**
 * @module The maintained list of repeals (status-fixes.json): validated on load, turned into the status note
 * a reader sees (when, by which act, what replaced it), and re-applied to an existing database on start so a
 * list updated in a release corrects a corpus imported before it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const FileSchema = z.object({
  sources: z.record(
    z.string(),
    z.strictObject({
      title: z.string().min(2),
      number: z.string().min(2),
      adopted: Day,
      effective: Day,
      why: z.string().min(2),
    }),
  ),
  fixes: z.array(
    z.strictObject({
      law_key: z.string().min(2),
      status: z.enum(['repealed', 'superseded']),
      source: z.string(),
      replaced_by: z.string().min(2).optional(),
      note: z.string().min(2).optional(),
    }),
  ),
});

export type RepealSource = z.infer<typeof FileSchema>['sources'][string];

/** One entry of the list, with the note derived from its source. */
export interface StatusFix {
  law_key: string;
  status: 'repealed' | 'superseded';
  source: RepealSource;
  replaced_by: string | null;
  /** What the reader sees beside 已废止, e.g. 自2021年1月1日起废止（法释〔2020〕16号…）. */
  note: string;
}

const cnDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${day}日`;
};

function noteOf(f: z.infer<typeof FileSchema>['fixes'][number], s: RepealSource): string {
  const by = `${s.number}《${s.title}》`;
  const extra = f.note ? `；${f.note}` : '';
  return `自${cnDate(s.effective)}起${f.status === 'repealed' ? '废止' : '不再适用'}（${by}）${extra}`;
}

/**
 * Parses and checks the list: every fix names a known source, and no law appears twice.
 * @throws Error naming the first problem (a bad list must not start the server or an import).
 */
export function parseStatusFixes(raw: unknown): StatusFix[] {
  const file = FileSchema.parse(raw);
  const seen = new Set<string>();
  return file.fixes.map((f) => {
    const s = file.sources[f.source];
    if (!s) throw new Error(`status-fixes.json：${f.law_key} 引用了未列出的依据 ${f.source}`);
    if (seen.has(f.law_key)) throw new Error(`status-fixes.json：${f.law_key} 重复列出`);
    seen.add(f.law_key);
    return {
      law_key: f.law_key,
      status: f.status,
      source: s,
      replaced_by: f.replaced_by ?? null,
      note: noteOf(f, s),
    };
  });
}

let cached: StatusFix[] | null = null;

/** The shipped list (read once per process). */
export function loadStatusFixes(): StatusFix[] {
  cached ??= parseStatusFixes(
    JSON.parse(readFileSync(new URL('./status-fixes.json', import.meta.url), 'utf8')),
  );
  return cached;
}
