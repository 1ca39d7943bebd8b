/** @module Dashboard figures of legal aid, from the aid area's `aidStatistics` (applications received in the period). */
import { aidStatistics } from '../../aid/ledger.js';
import type { StatsProvider } from './types.js';

export const aidProvider: StatsProvider = {
  key: 'aid',
  title: '法律援助',
  async collect({ db, period }) {
    const s = await aidStatistics(db, period);
    return {
      key: 'aid',
      title: '法律援助',
      metrics: [
        { key: 'received', label: '收到申请', value: s.received, unit: '件' },
        { key: 'granted', label: '决定给予', value: s.granted, unit: '件' },
        { key: 'refused', label: '决定不予', value: s.refused, unit: '件' },
        {
          key: 'commitment',
          label: '承诺制（个人诚信承诺）',
          value: s.byBasis.commitment,
          unit: '件',
        },
        { key: 'exempt', label: '免予核查经济困难', value: s.byBasis.exempt, unit: '件' },
        { key: 'proof', label: '提交证明材料', value: s.byBasis.proof, unit: '件' },
        { key: 'urgent', label: '先行提供', value: s.urgent, unit: '件' },
        { key: 'transferred', label: '市区通办转交', value: s.transferred, unit: '件' },
        { key: 'tolerant', label: '容缺受理', value: s.tolerantAcceptance, unit: '件' },
        { key: 'homeService', label: '上门服务', value: s.homeService, unit: '件' },
        { key: 'pointChoice', label: '点援制', value: s.pointChoice, unit: '件' },
        { key: 'economicAmount', label: '挽回经济损失', value: s.economicAmount, unit: '元' },
      ],
      tables: [
        {
          key: 'byDistrict',
          title: '按机构（区）',
          columns: [
            { key: 'agency', label: '机构' },
            { key: 'received', label: '收到申请' },
            { key: 'granted', label: '决定给予' },
          ],
          rows: s.byDistrict.map((d) => ({
            agency: d.agency,
            received: d.received,
            granted: d.granted,
          })),
        },
      ],
      charts: [
        {
          key: 'byMonth',
          title: '法律援助申请与决定（按月）',
          type: 'bar',
          categories: s.byMonth.map((m) => m.month),
          series: [
            { name: '收到申请', data: s.byMonth.map((m) => m.received) },
            { name: '决定给予', data: s.byMonth.map((m) => m.granted) },
          ],
        },
        {
          key: 'byDistrict',
          title: '法律援助申请（按区）',
          type: 'bar',
          categories: s.byDistrict.map((d) => d.agency),
          series: [
            { name: '收到申请', data: s.byDistrict.map((d) => d.received) },
            { name: '决定给予', data: s.byDistrict.map((d) => d.granted) },
          ],
        },
      ],
    };
  },
};
