/** @module Dashboard figures of notary appointments made in the period: bookings, cancellations, acceptances, certificates, fee waivers, the 15-working-day clock. */
import { notaryBookingsCreated } from '../../directory/notary/stats.js';
import type { StatsProvider } from './types.js';
import { countBy, instantBounds, localMonth, monthsOf, pct } from './types.js';

export const notaryProvider: StatsProvider = {
  key: 'notary',
  title: '公证预约',
  async collect({ db, period, today }) {
    const b = instantBounds(period);
    const rows = await notaryBookingsCreated(db, b);
    const completed = rows.filter((r) => r.status === 'completed');
    const onTime = completed.filter(
      (r) => r.due_on && r.completed_on && r.completed_on <= r.due_on,
    ).length;
    const overdueOpen = rows.filter(
      (r) => r.status === 'accepted' && r.due_on && r.due_on < today,
    ).length;
    const matters = [...new Set(rows.map((r) => r.matter))].sort();
    const months = monthsOf(period);
    return {
      key: 'notary',
      title: '公证预约',
      metrics: [
        { key: 'bookings', label: '预约', value: rows.length, unit: '件' },
        {
          key: 'cancelled',
          label: '取消',
          value: rows.filter((r) => r.status === 'cancelled').length,
          unit: '件',
        },
        {
          key: 'accepted',
          label: '已受理',
          value: rows.filter((r) => ['accepted', 'suspended', 'completed'].includes(r.status))
            .length,
          unit: '件',
        },
        { key: 'completed', label: '已出证', value: completed.length, unit: '件' },
        {
          key: 'onTimeRate',
          label: '十五个工作日内出证率',
          value: pct(onTime, completed.length),
          unit: '%',
        },
        { key: 'overdueOpen', label: '超期未出证', value: overdueOpen, unit: '件' },
        {
          key: 'feeWaivers',
          label: '法律援助受援人减免',
          value: rows.filter((r) => r.fee_waiver === 1).length,
          unit: '件',
        },
      ],
      tables: [
        {
          key: 'byMatter',
          title: '按公证事项',
          columns: [
            { key: 'matter', label: '事项' },
            { key: 'count', label: '预约' },
          ],
          rows: matters.map((m, i) => ({
            matter: m,
            count: countBy(rows, (r) => r.matter, matters)[i]!,
          })),
        },
      ],
      charts: [
        {
          key: 'byMonth',
          title: '公证预约（按月）',
          type: 'bar',
          categories: months,
          series: [{ name: '预约', data: countBy(rows, (r) => localMonth(r.created_at), months) }],
        },
      ],
    };
  },
};
