/** @module Dashboard figures of AI 法律意见书: letters issued in the period, by scenario. */
import { opinionLettersIssued } from '../../opinion/stats.js';
import type { StatsProvider } from './types.js';
import { countBy, instantBounds } from './types.js';

export const opinionProvider: StatsProvider = {
  key: 'opinion',
  title: '法律意见书',
  async collect({ db, period }) {
    const b = instantBounds(period);
    const rows = await opinionLettersIssued(db, b);
    const scenarios = [...new Set(rows.map((r) => r.scenario_id))].sort();
    const counts = countBy(rows, (r) => r.scenario_id, scenarios);
    return {
      key: 'opinion',
      title: '法律意见书',
      metrics: [{ key: 'letters', label: '出具意见书', value: rows.length, unit: '份' }],
      tables: [
        {
          key: 'byScenario',
          title: '按场景',
          columns: [
            { key: 'scenario', label: '场景' },
            { key: 'count', label: '份数' },
          ],
          rows: scenarios.map((s, i) => ({ scenario: s, count: counts[i]! })),
        },
      ],
      charts: [],
    };
  },
};
