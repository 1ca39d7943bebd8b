/** @module Local regulations with a region, in the whthomas/china-laws layout (YAML front matter, plain headings). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../core/context.js';
import { createTestContext } from '../test/db.js';
import { importLawFixture } from '../test/laws-fixture.js';
import { importCorpus } from './importer.js';
import { getArticle, listVersions } from './repository.js';

/** The full-width space of the source files (escaped here for the linter). */
const W = '\u3000';

// Written in the layout of markdown/地方性法规/湖北省/*.md of whthomas/china-laws (text shortened).
const WUHAN = `---
id: "test"
title: "武汉市测试养犬管理条例"
office: "武汉市人民代表大会常务委员会"
publish: "2005-12-25 00:00:00"
effective_date: "2006-05-01 00:00:00"
type: "地方性法规"
status: "有效"
---

# 武汉市测试养犬管理条例

武汉市测试养犬管理条例

> （2005年9月28日武汉市第十一届人民代表大会常务委员会第二十次会议通过${W}2005年11月26日湖北省第十届人民代表大会常务委员会第十八次会议批准）

目${W}${W}录

第一章${W}总则

第二章${W}养犬管理

第一章${W}总则

${W}${W}第一条${W}为维护社会公共秩序，保障公民人身安全和健康，制定本条例。

${W}${W}第二条  本市行政区域内任何单位和个人应当遵守本条例。

${W}${W}军犬和警犬的管理，按照国家有关规定执行。

第二章${W}养犬管理

${W}${W}第三条${W}限养区内个人养犬，应当具备下列条件：

${W}${W}（一）有合法身份证明；

${W}${W}（二）有完全民事行为能力。
`;

let ctx: AppContext;
let close: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext());
  dir = mkdtempSync(path.join(tmpdir(), 'laws-wuhan-'));
  mkdirSync(path.join(dir, '湖北省'));
  writeFileSync(path.join(dir, '湖北省', '武汉市测试养犬管理条例.md'), WUHAN);
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('local regulations', () => {
  it('imports a 武汉市 regulation with its region, dates, issuer and structure', async () => {
    await importLawFixture(ctx, ['社会法/劳动合同法(2012-12-28).md']);
    const r = await importCorpus(ctx, { dir, region: '武汉市' });
    expect(r.parsed).toBe(1);
    const [law] = await listVersions(ctx.db, '武汉市测试养犬管理条例');
    expect(law).toMatchObject({
      level: '地方性法规',
      region: '武汉市',
      category: '武汉市',
      version_date: '2005-12-25',
      effective_date: '2006-05-01',
      issuer: '武汉市人民代表大会常务委员会',
      status: 'in_force',
      article_count: 3,
    });
    const a2 = await getArticle(ctx.db, '武汉市测试养犬管理条例', 2);
    expect(a2?.text).toBe(
      '本市行政区域内任何单位和个人应当遵守本条例。\n军犬和警犬的管理，按照国家有关规定执行。',
    );
    expect(a2?.heading).toBe('第一章 总则');
    const a3 = await getArticle(ctx.db, '武汉市测试养犬管理条例', 3);
    expect(a3?.heading).toBe('第二章 养犬管理');
    expect(a3?.text.split('\n')).toEqual([
      '限养区内个人养犬，应当具备下列条件：',
      '（一）有合法身份证明；',
      '（二）有完全民事行为能力。',
    ]);
  });

  it('a full import of one region leaves national laws alone', async () => {
    // The same directory again, whole: unchanged, and 劳动合同法 (no region) is untouched.
    const r = await importCorpus(ctx, { dir, region: '武汉市' });
    expect(r.changed).toBe(false);
    expect(r.removed).toBe(0);
    expect(await listVersions(ctx.db, '劳动合同法')).toHaveLength(1);
  });
});
