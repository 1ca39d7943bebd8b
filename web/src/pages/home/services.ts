/** @module The service tiles of the home page and a check whether a service's pages are online yet. */
import type { Router } from 'vue-router';

export interface Service {
  key: string;
  title: string;
  desc: string;
  to: string;
  icon: string;
}

export const SERVICES: Service[] = [
  { key: 'qa', title: '智能问答', desc: '用大白话提问，依据法条作答', to: '/qa', icon: 'chat' },
  { key: 'aid', title: '法律援助', desc: '自测条件，在线申请', to: '/aid', icon: 'shield' },
  {
    key: 'consult',
    title: '社区律师',
    desc: '向本社区法律顾问咨询',
    to: '/consult',
    icon: 'people',
  },
  {
    key: 'opinion',
    title: '法律意见书',
    desc: '问答引导，生成意见书',
    to: '/opinion',
    icon: 'document',
  },
  {
    key: 'directory',
    title: '机构查询',
    desc: '律所、公证、鉴定、援助机构',
    to: '/directory',
    icon: 'search',
  },
  { key: 'notary', title: '公证预约', desc: '在线预约公证办理', to: '/notary', icon: 'calendar' },
  { key: 'laws', title: '法律法规', desc: '查阅现行有效的法律条文', to: '/laws', icon: 'book' },
  {
    key: 'publicity',
    title: '普法活动',
    desc: '近期法治讲座、送法上门',
    to: '/programme/activities',
    icon: 'calendar',
  },
];

/** A path is online when some area's route (not the catch-all 404) matches it. */
export function routeExists(router: Router, path: string): boolean {
  const r = router.resolve(path);
  return r.matched.length > 0 && r.name !== 'not-found';
}
