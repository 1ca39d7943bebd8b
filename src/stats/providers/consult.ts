/** @module Dashboard figures of community-lawyer consultations, from the consult area's `consultStatistics`. */
import { consultStatistics } from '../../consult/metrics.js';
import type { StatsProvider } from './types.js';

export const consultProvider: StatsProvider = {
  key: 'consult',
  title: '社区法律顾问咨询',
  async collect({ db, period }) {
    const s = await consultStatistics(db, period);
    const o = s.online;
    return {
      key: 'consult',
      title: '社区法律顾问咨询',
      metrics: [
        { key: 'questions', label: '线上咨询', value: o.questions, unit: '件' },
        { key: 'answered', label: '已答复', value: o.answered, unit: '件' },
        {
          key: 'responseRate',
          label: '答复率',
          value: o.responseRate == null ? 0 : Math.round(o.responseRate * 1000) / 10,
          unit: '%',
        },
        { key: 'meanMinutes', label: '平均响应时间', value: o.meanMinutes ?? 0, unit: '分钟' },
        {
          key: 'medianMinutes',
          label: '响应时间中位数',
          value: o.medianMinutes ?? 0,
          unit: '分钟',
        },
        { key: 'offline', label: '线下服务', value: s.offline.total, unit: '件' },
        { key: 'rating', label: '群众评价均分', value: s.rating.mean ?? 0, unit: '分' },
      ],
      tables: [
        {
          key: 'offline',
          title: '线下服务（按类型）',
          columns: [
            { key: 'label', label: '类型' },
            { key: 'count', label: '件数' },
          ],
          rows: s.offline.items.map((i) => ({ label: i.label, count: i.count })),
        },
      ],
      charts: [],
    };
  },
};
