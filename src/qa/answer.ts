/** @module The answer as the API presents it (shared by the embedded builder, the LLM path and storage). */
import type { Topic } from '../search/types.js';

export interface Citation {
  law: string;
  lawTitle: string;
  article: number;
  articleSub: number;
  articleLabel: string;
  version: string | null;
  status: 'in_force' | 'superseded' | 'repealed';
  /** Why a citation that is not in force is still shown. */
  statusNote: string | null;
  text: string;
  url: string;
  /** The 款 (1-based) that answer the question, when the article is long. */
  paragraphs?: number[];
  /** The part of the article to show first (those 款, or its best-matching sentence). */
  excerpt?: string;
  /** Why this article matters here (from the knowledge base). */
  note?: string;
}

export interface LinkRef {
  label: string;
  url: string;
}

export interface NextStep {
  text: string;
  basis: LinkRef | null;
}

export interface LegalAidNotice {
  grounds: string[];
  /** Art. 31 grounds need 经济困难; Art. 32 grounds do not. */
  hardshipRequired: boolean;
  text: string;
  conditions: string[];
  basis: LinkRef[];
  url: string;
}

/**
 * Why a citation (or a quotation) in a model's text was cut: the law, article, 款 or 项 does not
 * exist, the number cannot be read (第零条), the article was not among those the model was given,
 * or the quoted words are not the article's.
 */
export interface RemovedCitation {
  text: string;
  reason:
    | 'law_not_found'
    | 'article_not_found'
    | 'paragraph_not_found'
    | 'item_not_found'
    | 'number_unreadable'
    | 'outside_context'
    | 'misquoted';
}

/** A question back to the citizen about a fact that changes the answer. */
export interface ClarifyPrompt {
  question: string;
  options: { label: string; issue: string }[];
}

/**
 * How the answer was found: from a reviewed issue of the knowledge base (`issue`), from retrieval alone
 * (`retrieval`: less certain, and it says so), or not at all (`none`).
 */
export type Certainty = 'issue' | 'retrieval' | 'none';

export interface Answer {
  /** Stored answer id (set once saved). */
  id?: number;
  found: boolean;
  certainty: Certainty;
  /** The knowledge-base issue the answer is built on. */
  issue?: { id: string; title: string };
  conclusion: string;
  /** Said when the answer comes from retrieval alone. */
  uncertainNote?: string;
  citations: Citation[];
  /** Further articles retrieval found (shown folded). */
  related?: Citation[];
  /** A calculator or interview, pre-filled from the question where possible. */
  tool?: LinkRef;
  clarify?: ClarifyPrompt;
  /** When to see a lawyer rather than act alone. */
  lawyer?: string;
  nextSteps: NextStep[];
  legalAid?: LegalAidNotice;
  handoff: LinkRef;
  disclaimer: string;
  topic: Topic;
  mode: 'embedded' | 'llm';
  removedCitations: RemovedCitation[];
  fallback: 'timeout' | 'error' | null;
}

export const DISCLAIMER =
  '以上内容由系统根据法律法规自动整理，属于法律信息，不构成法律意见，仅供参考。具体问题请咨询律师，或拨打 12348 公共法律服务热线。';

export const PRECHECK_URL = '/aid/precheck';

/**
 * The article's page in the web app: `/laws/<law_key>/<article label>` (URI-encoded, as the laws area's
 * permalinks), with `?version=` when the article is only in an older version.
 */
export function lawUrl(law: string, label: string, oldVersion: string | null = null): string {
  const base = `/laws/${encodeURIComponent(law)}/${encodeURIComponent(label)}`;
  return oldVersion ? `${base}?version=${oldVersion}` : base;
}

export const handoffFor = (conversationId: string): LinkRef => ({
  label: '向社区律师咨询',
  url: `/consult/new?conversation=${conversationId}`,
});

/** The law as an answer names it: 《劳动合同法》, inner 《》 of 司法解释 titles as 〈〉. */
export function displayLawName(lawTitle: string): string {
  return lawTitle
    .replace(/^中华人民共和国/, '')
    .replace(/《/g, '〈')
    .replace(/》/g, '〉');
}
