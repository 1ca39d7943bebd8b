/** @module Dashboard figures of legal aid, from the aid area's `aidStatistics` (applications received in the period). */
import { aidFigures } from '../../aid/figures/service.js';
import { aidStatistics } from '../../aid/ledger.js';
import type { StatsProvider } from './types.js';

export const aidProvider: StatsProvider = {
  key: 'aid',
  title: '法律援助',
  async collect({ db, period }) {
    const s = await aidStatistics(db, period);
    const f = await aidFigures(db, period, null);
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
        // The seed report's figures: 承诺制 in all (承诺书 + 免予审查), 名优律师, 挽回损失 in 万元.
        {
          key: 'underCommitment',
          label: '承诺制办理（承诺书＋免予审查）',
          value: f.underCommitment,
          unit: '件',
        },
        { key: 'famousLawyer', label: '名优律师承办', value: f.famousLawyer, unit: '件' },
        {
          key: 'economicAmountWan',
          label: '挽回经济损失',
          value: f.economicAmountWan,
          unit: '万元',
        },
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
        {
          key: 'byGroup',
          title: '受援人类别',
          columns: [
            { key: 'label', label: '类别' },
            { key: 'count', label: '件数' },
          ],
          rows: f.byGroup.map((g) => ({ label: g.label, count: g.count })),
        },
        {
          key: 'byMatter',
          title: '案件类型',
          columns: [
            { key: 'label', label: '案件类型' },
            { key: 'count', label: '件数' },
          ],
          rows: f.byMatter.map((m) => ({ label: m.label, count: m.count })),
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
