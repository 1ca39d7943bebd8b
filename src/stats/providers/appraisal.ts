/** @module Dashboard figures of 司法鉴定 cases commissioned in the period, and cases overdue today across all institutions. */
import {
  appraisalCasesCommissioned,
  appraisalCasesOverdue,
} from '../../directory/appraisal/stats.js';
import type { StatsProvider } from './types.js';
import { countBy, monthsOf, pct } from './types.js';

export const appraisalProvider: StatsProvider = {
  key: 'appraisal',
  title: '司法鉴定',
  async collect({ db, period, today }) {
    const rows = await appraisalCasesCommissioned(db, period);
    const overdueNow = await appraisalCasesOverdue(db, today);
    const opinions = rows.filter((r) => r.opinion_on);
    const onTime = opinions.filter((r) => r.due_on && r.opinion_on! <= r.due_on).length;
    const institutions = [...new Set(rows.map((r) => r.institution))].sort();
    const months = monthsOf(period);
    return {
      key: 'appraisal',
      title: '司法鉴定',
      metrics: [
        { key: 'commissioned', label: '受托鉴定案件', value: rows.length, unit: '件' },
        {
          key: 'declined',
          label: '不予受理',
          value: rows.filter((r) => r.stage === 'declined').length,
          unit: '件',
        },
        { key: 'opinions', label: '出具意见书', value: opinions.length, unit: '件' },
        { key: 'onTimeRate', label: '按期出具率', value: pct(onTime, opinions.length), unit: '%' },
        { key: 'overdueNow', label: '当前超期案件（全市）', value: overdueNow.length, unit: '件' },
      ],
      tables: [
        {
          key: 'byInstitution',
          title: '按鉴定机构',
          columns: [
            { key: 'institution', label: '机构' },
            { key: 'count', label: '受托' },
          ],
          rows: institutions.map((n, i) => ({
            institution: n,
            count: countBy(rows, (r) => r.institution, institutions)[i]!,
          })),
        },
        {
          key: 'overdue',
          title: '超期案件',
          columns: [
            { key: 'code', label: '统一编码' },
            { key: 'institution', label: '机构' },
            { key: 'deadline', label: '期限' },
          ],
          rows: overdueNow.map((c) => ({
            code: c.code,
            institution: c.institution,
            deadline:
              c.stage === 'commissioned' ? `受理 ${c.accept_due_on}` : `办结 ${c.due_on ?? ''}`,
          })),
        },
      ],
      charts: [
        {
          key: 'byMonth',
          title: '鉴定委托（按月）',
          type: 'line',
          categories: months,
          series: [
            { name: '受托', data: countBy(rows, (r) => r.commissioned_on.slice(0, 7), months) },
          ],
        },
      ],
    };
  },
};
