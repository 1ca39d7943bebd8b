/** @module Dashboard figures of 普法 activities (the programme's registry): activities, audience, campaigns, by kind. */
import { ACTIVITY_KINDS, publicityTotals } from '../../programme/index.js';
import type { StatsProvider } from './types.js';

export const publicityProvider: StatsProvider = {
  key: 'publicity',
  title: '普法活动',
  async collect({ db, period }) {
    const t = await publicityTotals(db, period);
    const kinds = Object.keys(ACTIVITY_KINDS) as (keyof typeof ACTIVITY_KINDS)[];
    return {
      key: 'publicity',
      title: '普法活动',
      metrics: [
        { key: 'activities', label: '普法活动', value: t.activities, unit: '场' },
        { key: 'audience', label: '受众', value: t.audience, unit: '人次' },
        { key: 'campaigns', label: '涉及专项活动', value: t.campaigns, unit: '项' },
      ],
      tables: [
        {
          key: 'byKind',
          title: '按活动形式',
          columns: [
            { key: 'kind', label: '形式' },
            { key: 'activities', label: '场次' },
            { key: 'audience', label: '受众（人次）' },
          ],
          rows: kinds.map((k) => ({ kind: ACTIVITY_KINDS[k], ...t.byKind[k] })),
        },
      ],
      charts: [
        {
          key: 'byKind',
          title: '普法活动形式',
          type: 'bar',
          categories: kinds.map((k) => ACTIVITY_KINDS[k]),
          series: [{ name: '场次', data: kinds.map((k) => t.byKind[k].activities) }],
        },
      ],
    };
  },
};
