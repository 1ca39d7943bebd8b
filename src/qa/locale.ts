/** @module 简体/繁体 on the server: questions are read as 简体; answers go out in 繁体 for `zh-TW` (opencc-js). */
import { toTraditional } from '../core/text.js';
import type { Answer, Citation } from './answer.js';

export type QaLocale = 'zh-CN' | 'zh-TW';

export { toSimplified, toTraditional } from '../core/text.js';

/**
 * The answer in the requested script. Law keys and URLs stay simplified (they are identifiers);
 * everything a person reads is converted.
 */
export function localizeAnswer(a: Answer, locale: QaLocale): Answer {
  if (locale !== 'zh-TW') return a;
  const c = toTraditional;
  const cite = (x: Citation): Citation => ({
    ...x,
    lawTitle: c(x.lawTitle),
    articleLabel: x.articleLabel,
    statusNote: x.statusNote ? c(x.statusNote) : null,
    text: c(x.text),
    ...(x.excerpt ? { excerpt: c(x.excerpt) } : {}),
    ...(x.note ? { note: c(x.note) } : {}),
  });
  return {
    ...a,
    conclusion: c(a.conclusion),
    ...(a.issue ? { issue: { id: a.issue.id, title: c(a.issue.title) } } : {}),
    ...(a.uncertainNote ? { uncertainNote: c(a.uncertainNote) } : {}),
    citations: a.citations.map(cite),
    ...(a.related ? { related: a.related.map(cite) } : {}),
    ...(a.tool ? { tool: { label: c(a.tool.label), url: a.tool.url } } : {}),
    ...(a.clarify
      ? {
          clarify: {
            question: c(a.clarify.question),
            options: a.clarify.options.map((o) => ({ label: c(o.label), issue: o.issue })),
          },
        }
      : {}),
    ...(a.lawyer ? { lawyer: c(a.lawyer) } : {}),
    nextSteps: a.nextSteps.map((s) => ({
      text: c(s.text),
      basis: s.basis ? { label: c(s.basis.label), url: s.basis.url } : null,
    })),
    ...(a.legalAid
      ? {
          legalAid: {
            ...a.legalAid,
            grounds: a.legalAid.grounds.map(c),
            text: c(a.legalAid.text),
            conditions: a.legalAid.conditions.map(c),
            basis: a.legalAid.basis.map((b) => ({ label: c(b.label), url: b.url })),
          },
        }
      : {}),
    handoff: { label: c(a.handoff.label), url: a.handoff.url },
    disclaimer: c(a.disclaimer),
    removedCitations: a.removedCitations.map((r) => ({ ...r, text: c(r.text) })),
  };
}
