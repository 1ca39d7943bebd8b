/** @module Test helper: the real statute files every opinion scenario cites, imported from the shared corpus. */
import type { AppContext } from '../core/context.js';
import { CIVIL_CODE_FILES, importLawFixture } from './laws-fixture.js';

export const OPINION_LAW_FILES = [
  ...CIVIL_CODE_FILES,
  '社会法/劳动合同法(2012-12-28).md',
  '社会法/劳动法(2018-12-29).md',
  '诉讼与非诉讼程序法/劳动争议调解仲裁法(2007-12-29).md',
  '行政法规/工伤保险条例(2010-12-20).md',
  '行政法/道路交通安全法(2021-04-29).md',
  '行政法规/诉讼费用交纳办法(2006-12-19).md',
  '行政法/法律援助法(2021-08-20).md',
  '司法解释/最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md',
  '司法解释/最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释(2020-12-29).md',
  '司法解释/最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释(2022-04-24).md',
  '司法解释/最高人民法院关于适用《民法典》婚姻家庭编的解释（一）(2020-12-29).md',
];

export async function importOpinionLaws(ctx: AppContext): Promise<void> {
  await importLawFixture(ctx, OPINION_LAW_FILES);
}
