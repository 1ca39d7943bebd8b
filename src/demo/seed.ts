/**
 * @module Demo mode (DEMO_MODE=true, `npm run demo`): seeds clearly marked 示例数据 through the areas' own
 * services, so a fresh install can be tried end to end — two communities with their 法律顾问, a month of
 * 法指针 questions and answers (the 月通报 has figures), notary slots at the sample notary office, and
 * legal-aid applications in several states. Seeding runs once: a database that has the demo admin is left
 * as it is. Every name says 示例, and the web shows a banner on every page while the mode is on.
 */
import type { SessionUser } from '../core/session.js';
import { createUser } from '../auth/service.js';
import type { AppContext } from '../core/context.js';
import { applyEvent, createApplication } from '../aid/service.js';
import { ApplicationSchema } from '../aid/schema.js';
import { STATES } from '../aid/workflow.js';
import { seedDemoReportYear } from '../aid/figures/demo-seed.js';
import { setProfile } from '../consult/geography.js';
import { importCommunities } from '../consult/import.js';
import { ask, postMessage } from '../consult/service.js';
import { publishSlot } from '../directory/notary/service.js';
import { addWorkingDays as addWorkdays, chinaDate } from '../core/time.js';

/** Every demo account signs in with this password (printed in the log when demo mode starts). */
export const DEMO_PASSWORD = 'demo-12348-pass';
export const DEMO_ADMIN = 'demo_admin';

export interface DemoLog {
  info(msg: string): void;
}

type Role = SessionUser['role'];

async function account(
  ctx: AppContext,
  username: string,
  role: Role,
  displayName: string,
  agencyId: number | null = null,
): Promise<SessionUser> {
  const id = await createUser(ctx, {
    username,
    password: DEMO_PASSWORD,
    role,
    displayName,
    ...(agencyId ? { agencyId } : {}),
  });
  return { id, username, role, displayName, agencyId, csrfToken: '' };
}

/** A valid-looking 居民身份证号 (GB 11643 check digit) for a sample applicant. */
function sampleId(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

async function agency(ctx: AppContext, code: string): Promise<number> {
  const a = await ctx.db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return a.id;
}

async function seedConsult(ctx: AppContext, admin: SessionUser) {
  const lawyers = [
    await account(ctx, 'demo_lawyer_li', 'community_lawyer', '李律师（示例）'),
    await account(ctx, 'demo_lawyer_zhao', 'community_lawyer', '赵律师（示例）'),
  ];
  await importCommunities(
    ctx,
    admin,
    [
      '区,街道,社区,类型,法律顾问',
      '洪山区,珞南街道（示例）,珞珈山社区（示例）,社区,demo_lawyer_li',
      '洪山区,珞南街道（示例）,石牌岭村（示例）,村,demo_lawyer_zhao',
    ].join('\n'),
  );
  const community = await ctx.db
    .selectFrom('consult_communities')
    .select('id')
    .where('name', '=', '珞珈山社区（示例）')
    .executeTakeFirstOrThrow();
  const resident = await account(ctx, 'demo_resident', 'citizen', '张女士（示例）');
  await setProfile(ctx, resident, community.id);
  // A month of 法指针: answered questions give the 月通报 its response times.
  for (const [body, answer] of [
    [
      '（示例）楼上漏水把我家天花板泡坏了，物业不管怎么办？',
      '（示例）可先请物业出具漏水原因说明，再与楼上协商赔偿；协商不成可向人民法院起诉。',
    ],
    [
      '（示例）公司两个月没发工资，可以直接辞职吗？',
      '（示例）可以书面通知解除劳动合同并要求支付拖欠工资和经济补偿（劳动合同法第三十八条、第四十六条）。',
    ],
    [
      '（示例）父母的房子没有遗嘱，兄妹怎么分？',
      '（示例）没有遗嘱按法定继承，第一顺序继承人原则上均等分配（民法典第一千一百二十七条、第一千一百三十条）。',
    ],
  ] as const) {
    const q = await ask(ctx, resident, { body });
    await postMessage(ctx, lawyers[0]!, q, answer);
  }
  return resident;
}

async function seedNotary(ctx: AppContext) {
  const office = await ctx.db
    .selectFrom('directory_entries')
    .select('id')
    .where('name', '=', '示例公证处（示例数据）')
    .executeTakeFirst();
  if (!office) return 0;
  const staff = await account(ctx, 'demo_notary', 'notary_staff', '示例公证员');
  await ctx.db
    .insertInto('directory_staff')
    .values({ entry_id: office.id, user_id: staff.id, created_at: ctx.now().toISOString() })
    .execute();
  let n = 0;
  const today = chinaDate(ctx.now());
  for (let d = 1; d <= 5; d++) {
    const date = addWorkdays(today, d);
    for (const [matterCode, startTime, endTime] of [
      ['jicheng', '09:00', '10:00'],
      ['weituo', '14:00', '15:00'],
    ] as const) {
      await publishSlot(ctx, staff, office.id, {
        matterCode,
        date,
        startTime,
        endTime,
        capacity: 3,
      });
      n++;
    }
  }
  return n;
}

async function seedAid(ctx: AppContext) {
  const officer = await account(
    ctx,
    'demo_officer',
    'aid_officer',
    '江汉区法律援助中心经办（示例）',
    await agency(ctx, 'jianghan'),
  );
  const citizen = await account(ctx, 'demo_citizen', 'citizen', '王小梅（示例）');
  // The district bureau decides objections to its centre's decisions (Art. 49).
  await account(
    ctx,
    'demo_bureau',
    'justice_bureau',
    '江汉区司法局（示例）',
    await agency(ctx, 'jianghan'),
  );
  // One applicant, four matters: an account applies under its own ID (Art. 40).
  const cases: [string, string[]][] = [
    ['（示例）在工地务工半年，建筑公司拖欠工资两万元，多次催讨未果。', []],
    ['（示例）下班途中被电动车撞伤住院，对方不肯赔偿医疗费。', ['accept']],
    ['（示例）离婚后对方一直不付孩子抚养费，已经拖欠一年。', ['accept', 'decide_grant']],
    ['（示例）装修公司拖欠工钱，后来双方已经和解。', ['withdraw']],
  ];
  const states: string[] = [];
  for (const [facts, events] of cases) {
    const input = ApplicationSchema.parse({
      applicant: { name: '王小梅', idNumber: sampleId('11010519491231002'), phone: '13900001234' },
      adverseParty: '武汉某示例有限公司',
      caseCategory: 'civil',
      caseType: 'labour_pay',
      caseFacts: facts,
      isLitigation: false,
      handlingDistrict: '江汉区',
      hardship: { basis: 'commitment', committed: true, signedName: '王小梅' },
      householdSize: 3,
      monthlyIncome: 2500,
    });
    let a = await createApplication(ctx, citizen, input, null);
    for (const type of events) {
      const by = type === 'withdraw' ? citizen : officer;
      a = await applyEvent(ctx, a.id, by, {
        type: type as 'accept',
        ...(type === 'decide_grant'
          ? { reasons: '（示例）符合法律援助法第三十一条，经济困难。' }
          : {}),
      });
    }
    states.push(STATES[a.status as keyof typeof STATES] ?? a.status);
  }
  return states;
}

/** Seeds the demo data once; returns what it did (nothing when the database already has it). */
export async function seedDemo(ctx: AppContext, log: DemoLog): Promise<boolean> {
  const seeded = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', DEMO_ADMIN)
    .executeTakeFirst();
  if (seeded) {
    log.info(`演示模式：示例数据已存在（示例账户密码 ${DEMO_PASSWORD}）`);
    return false;
  }
  const admin = await account(ctx, DEMO_ADMIN, 'admin', '示例管理员');
  await seedConsult(ctx, admin);
  const slots = await seedNotary(ctx);
  const states = await seedAid(ctx);
  const reportCases = await seedDemoReportYear(ctx, admin);
  log.info(
    `演示模式：已写入示例数据——2 个社区（村）及其法律顾问、3 条法指针咨询、${slots} 个公证预约时段、` +
      `${states.length} 件法律援助申请（${states.join('、')}）、上一年度 ${reportCases} 件已结案示例援助案件。示例账户：demo_admin、demo_citizen、` +
      `demo_resident、demo_lawyer_li、demo_officer、demo_bureau、demo_notary，密码均为 ${DEMO_PASSWORD}`,
  );
  return true;
}
