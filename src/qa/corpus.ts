/**
 * @module Checking that an article named in an answer exists in the imported corpus: the in-force version
 * when there is one, else a superseded or repealed version (the answer then says so).
 */
import type { AppContext } from '../core/context.js';
import { normalizeCitedLawName } from './citations.js';

export interface CorpusArticle {
  law: string;
  lawTitle: string;
  article: number;
  articleSub: number;
  articleLabel: string;
  version: string | null;
  status: 'in_force' | 'superseded' | 'repealed';
  text: string;
}

/** What the answer builder needs from the corpus (a small interface so it can be measured alone). */
export interface CorpusLookup {
  /** The law key for a law name as written (《中华人民共和国劳动合同法》, 劳动合同法), or null when unknown. */
  resolveLaw(name: string): Promise<string | null>;
  /** The article in the newest in-force version, else the newest version that has it; null when none. */
  article(law: string, num: number, sub: number): Promise<CorpusArticle | null>;
  /** Law keys and titles, for recognising unbracketed names (劳动合同法第47条) in generated text. */
  lawNames(): Promise<readonly string[]>;
}

const STATUS_RANK: Record<string, number> = { in_force: 0, superseded: 1, repealed: 2 };

/** The lookup over the `laws`/`articles` tables; law keys are cached until the next import. */
export function corpusLookup(ctx: AppContext): CorpusLookup {
  let keys: Promise<Map<string, string>> | null = null;
  ctx.bus.on('laws:imported', () => {
    keys = null;
  });
  const loadKeys = () =>
    (keys ??= ctx.db
      .selectFrom('laws')
      .select(['law_key', 'title', 'short_name'])
      .execute()
      .then((rows) => {
        const m = new Map<string, string>();
        for (const r of rows) {
          m.set(r.law_key, r.law_key);
          m.set(normalizeCitedLawName(r.title), r.law_key);
          m.set(normalizeCitedLawName(r.short_name), r.law_key);
        }
        if (rows.length === 0) keys = null; // not imported yet: ask again next time
        return m;
      }));
  return {
    async resolveLaw(name) {
      const m = await loadKeys();
      const n = normalizeCitedLawName(name);
      return m.get(n) ?? m.get(n.replace(/[（(].*?[)）]$/, '')) ?? null;
    },
    async article(law, num, sub) {
      const rows = await ctx.db
        .selectFrom('articles as a')
        .innerJoin('laws as l', 'l.id', 'a.law_id')
        .select([
          'l.law_key',
          'l.title',
          'l.version_date',
          'l.status',
          'l.is_current',
          'a.label',
          'a.text',
        ])
        .where('a.law_key', '=', law)
        .where('a.num', '=', num)
        .where('a.sub', '=', sub)
        .execute();
      const best = rows.sort(
        (x, y) =>
          (STATUS_RANK[x.status] ?? 3) - (STATUS_RANK[y.status] ?? 3) ||
          y.is_current - x.is_current ||
          (y.version_date ?? '').localeCompare(x.version_date ?? ''),
      )[0];
      if (!best) return null;
      return {
        law: best.law_key,
        lawTitle: best.title,
        article: num,
        articleSub: sub,
        articleLabel: best.label,
        version: best.version_date,
        status: best.status,
        text: best.text,
      };
    },
    async lawNames() {
      return [...(await loadKeys()).keys()];
    },
  };
}
