import { describe, expect, it } from 'vitest';
import { versionGroups } from './rank-index.js';

/** The definition: number each distinct key in order of first appearance. */
function firstAppearance(keys: string[]): number[] {
  const ids = new Map<string, number>();
  return keys.map((k) => {
    if (!ids.has(k)) ids.set(k, ids.size);
    return ids.get(k)!;
  });
}

describe('versionGroups', () => {
  it('numbers law versions and editions as a key per article would, runs or not', () => {
    const doc = (lawKey: string, version: string | null, lawTitle = lawKey) => ({
      lawKey,
      version,
      lawTitle,
    });
    const a = [
      doc('劳动法', '2018-12-29'),
      doc('劳动法', '2018-12-29'),
      doc('劳动法', '1994-07-05'),
      doc('民法典', null),
      doc('民法典', null),
      // the same version under another title is another edition of it
      doc('民法典', null, '中华人民共和国民法典'),
      doc('劳动法', '2018-12-29'),
      doc('民法典', null),
      doc('劳动合同法', '2012-12-28', '劳动法'),
      doc('劳动法', '2012-12-28'),
    ];
    const g = versionGroups(a);
    const version = (x: (typeof a)[number]) =>
      `${x.lawKey}|${x.version === null ? 'null' : `v${x.version}`}`;
    expect([...g.lawVersion]).toEqual(firstAppearance(a.map(version)));
    expect([...g.edition]).toEqual(firstAppearance(a.map((x) => `${version(x)}|${x.lawTitle}`)));
    expect([...g.lawVersion]).toEqual([0, 0, 1, 2, 2, 2, 0, 2, 3, 4]);
    expect([...g.edition]).toEqual([0, 0, 1, 2, 2, 3, 0, 2, 4, 5]);
  });
});
