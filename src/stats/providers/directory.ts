/** @module Dashboard figures of the directory: institutions and licensed people by kind and district (as of today, not per period). */
import { KIND_LABELS, ENTRY_KINDS } from '../../directory/labels.js';
import { directoryEntriesForStats } from '../../directory/stats.js';
import type { StatsProvider } from './types.js';

export const directoryProvider: StatsProvider = {
  key: 'directory',
  title: '机构人员',
  async collect({ db }) {
    const rows = await directoryEntriesForStats(db);
    const active = rows.filter((r) => r.status === 'active');
    const byKind = ENTRY_KINDS.map((k) => ({
      kind: KIND_LABELS[k],
      total: rows.filter((r) => r.kind === k).length,
      active: active.filter((r) => r.kind === k).length,
    }));
    return {
      key: 'directory',
      title: '机构人员',
      metrics: [
        { key: 'entries', label: '在册机构和人员', value: rows.length, unit: '个' },
        { key: 'entriesActive', label: '其中正常执业', value: active.length, unit: '个' },
      ],
      tables: [
        {
          key: 'byKind',
          title: '按类型（不含示例数据）',
          columns: [
            { key: 'kind', label: '类型' },
            { key: 'total', label: '在册' },
            { key: 'active', label: '正常' },
          ],
          rows: byKind,
        },
      ],
      charts: [],
    };
  },
};
