/**
 * @module The 法律援助法 Art. 23 notice in an answer: the right to apply, the ground the matter falls under
 * (Art. 31 needs 经济困难, Art. 32 does not), the conditions and the pre-check link. Also the links to
 * the articles a notice or a next step rests on, each checked against the corpus.
 */
import {
  PRECHECK_URL,
  displayLawName,
  lawUrl,
  type LegalAidNotice,
  type LinkRef,
} from './answer.js';
import type { CorpusLookup } from './corpus.js';
import { legalAidData, legalAidGrounds, type AidGround, type BasisRef } from './guidance.js';
import type { Topic } from '../search/types.js';

/** A basis reference as a link, or null when the article is not in the corpus (then it is not named). */
export async function basisLink(b: BasisRef, lookup: CorpusLookup): Promise<LinkRef | null> {
  const law = (await lookup.resolveLaw(b.law)) ?? b.law;
  const a = await lookup.article(law, b.article, 0);
  if (!a || a.status !== 'in_force') return null;
  return {
    label: `《${displayLawName(a.lawTitle)}》${a.articleLabel}`,
    url: lawUrl(a.law, a.articleLabel, a.isCurrent ? null : a.version),
  };
}

const links = async (refs: readonly BasisRef[], lookup: CorpusLookup): Promise<LinkRef[]> =>
  (await Promise.all(refs.map((r) => basisLink(r, lookup)))).filter(
    (b): b is LinkRef => b !== null,
  );

/** Words of a question that asks about legal aid itself or about not affording a lawyer. */
const ASKS_FOR_AID =
  /法律援助|法援|请不起律师|没钱请律师|没有钱请律师|付不起律师|律师费[^。？！]{0,6}(贵|付不起|出不起|没钱)|免费(的)?律师|免费打官司|穷人打官司|请律师[^。？！]{0,6}(没钱|太贵)/;

export function asksAboutLegalAid(question: string): boolean {
  return ASKS_FOR_AID.test(question);
}

/** The notice for the given grounds (the first one leads); undefined for none. */
export async function noticeForGrounds(
  grounds: readonly AidGround[],
  lookup: CorpusLookup,
): Promise<LegalAidNotice | undefined> {
  if (grounds.length === 0) return undefined;
  const no32 = !grounds.some((g) => g.article === 32);
  const main = grounds[0]!;
  const mainRef = await basisLink({ law: '法律援助法', article: main.article }, lookup);
  const where = mainRef ? `${mainRef.label}规定的` : '法律援助法规定的';
  const labels = grounds.map((g) => g.label);
  const text = no32
    ? `您咨询的事项可能属于${where}「${labels.join('」「')}」情形。因经济困难没有委托代理人的，可以向法律援助机构申请法律援助（免费）。`
    : `您咨询的事项可能属于${where}「${labels.join('」「')}」情形，申请法律援助不受经济困难条件的限制，可以向法律援助机构申请法律援助（免费）。`;
  return {
    grounds: labels,
    hardshipRequired: no32,
    text,
    conditions: no32 ? legalAidData.conditions31 : legalAidData.conditions32,
    basis: await links(no32 ? legalAidData.basis31 : legalAidData.basis32, lookup),
    url: PRECHECK_URL,
  };
}

/** The notice for a question about legal aid itself: who qualifies under Art. 31 and 32, and how. */
export async function generalAidNotice(lookup: CorpusLookup): Promise<LegalAidNotice> {
  return {
    grounds: [],
    hardshipRequired: true,
    text: '经济困难、没有能力委托律师的，可以就法律援助法第三十一条列明的事项（如追讨劳动报酬、抚养费赡养费、工伤和交通事故人身损害赔偿等）申请免费的法律援助；家庭暴力、虐待、遗弃的受害人和见义勇为等第三十二条规定的情形，不受经济困难条件的限制。可以先做一次在线预审，看看自己是否符合条件。',
    conditions: [...legalAidData.conditions31, legalAidData.conditions32[0]!],
    basis: await links(
      [
        { law: '法律援助法', article: 31 },
        { law: '法律援助法', article: 32 },
        { law: '法律援助法', article: 41 },
      ],
      lookup,
    ),
    url: PRECHECK_URL,
  };
}

/** The ground data for an entry's `{ article, item }`, or undefined when the data has none. */
export function groundFor(ref: { article: 31 | 32; item: string }): AidGround | undefined {
  return legalAidData.grounds.find((g) => g.article === ref.article && g.item === ref.item);
}

/** The notice for a question answered from retrieval alone: by its words and topic. */
export async function legalAidNotice(
  question: string,
  topic: Topic,
  lookup: CorpusLookup,
): Promise<LegalAidNotice | undefined> {
  const byGround = await noticeForGrounds(legalAidGrounds(question, topic), lookup);
  if (byGround) return byGround;
  return asksAboutLegalAid(question) ? generalAidNotice(lookup) : undefined;
}
