/** @module Dashboard figures of 智能问答: questions asked, questions the corpus could not answer, feedback. */
import { qaActivity } from '../../qa/stats.js';
import type { StatsProvider } from './types.js';
import { countBy, instantBounds, localMonth, monthsOf, pct } from './types.js';

export const qaProvider: StatsProvider = {
  key: 'qa',
  title: '智能问答',
  async collect({ db, period }) {
    const b = instantBounds(period);
    const { turns, unanswered, feedback } = await qaActivity(db, b);
    const helpful = feedback.filter((f) => f.helpful === 1).length;
    const months = monthsOf(period);
    return {
      key: 'qa',
      title: '智能问答',
      metrics: [
        { key: 'questions', label: '提问', value: turns.length, unit: '次' },
        { key: 'unanswered', label: '未能解答', value: unanswered.length, unit: '次' },
        { key: 'feedback', label: '收到评价', value: feedback.length, unit: '次' },
        {
          key: 'helpfulRate',
          label: '有帮助比例',
          value: pct(helpful, feedback.length),
          unit: '%',
        },
      ],
      tables: [],
      charts: [
        {
          key: 'byMonth',
          title: '智能问答（按月）',
          type: 'line',
          categories: months,
          series: [
            { name: '提问', data: countBy(turns, (r) => localMonth(r.created_at), months) },
            {
              name: '未能解答',
              data: countBy(unanswered, (r) => localMonth(r.created_at), months),
            },
          ],
        },
      ],
    };
  },
};
