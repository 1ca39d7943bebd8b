/**
 * @module Reference and sample data. Notary matters and their material checklists are reference data;
 * every institution below except the legal-aid centres (copied from the core `agencies` table) is fictional
 * 示例数据 with `is_sample = 1` and a licence number that says 示例, so nobody mistakes it for a real firm.
 */
import type { EntryKind } from './tables.js';

export const NOTARY_MATTERS = [
  {
    code: 'weituo',
    name: '委托公证',
    description: '委托他人代为办理房产买卖、提取公积金、诉讼等事务',
    checklist: [
      '委托人居民身份证、户口簿原件',
      '委托事项涉及的财产权利证明（如不动产权证书）',
      '受托人身份证复印件',
      '已婚的提交结婚证；涉及共有财产的，共有人应同意',
    ],
  },
  {
    code: 'jicheng',
    name: '继承公证',
    description: '被继承人去世后，继承人办理遗产继承',
    checklist: [
      '被继承人死亡证明、户籍注销证明',
      '全部继承人的居民身份证、户口簿',
      '继承人与被继承人的亲属关系证明',
      '遗产权属证明（不动产权证书、存款凭证等）',
      '遗嘱（如有）',
    ],
  },
  {
    code: 'xueli',
    name: '学历公证',
    description: '出国留学、就业所需的学历、学位证书公证',
    checklist: ['申请人居民身份证', '毕业证书、学位证书原件', '成绩单（如使用方要求）'],
  },
  {
    code: 'fangchan',
    name: '房产公证',
    description: '房屋买卖、赠与、析产等涉及不动产的公证',
    checklist: [
      '不动产权证书（房产证）原件',
      '当事人居民身份证、户口簿',
      '婚姻状况证明（结婚证、离婚证或单身声明）',
      '房屋买卖合同、赠与合同或析产协议',
    ],
  },
  {
    code: 'chusheng',
    name: '出生公证',
    description: '出国、涉外事务所需的出生事实公证',
    checklist: ['出生医学证明', '申请人居民身份证、户口簿', '父母身份证明'],
  },
];

interface SampleEntry {
  key: string;
  kind: EntryKind;
  name: string;
  district: string;
  address: string;
  hours: string;
  phone: string;
  licence_no: string | null;
  specialties: string;
  services: string;
  parent?: string;
}

const HOURS = '周一至周五 9:00-12:00，14:00-17:30';

/** Fictional institutions and people, one of each kind, so the pages have something to show. */
export const SAMPLE_ENTRIES: SampleEntry[] = [
  {
    key: 'firm1',
    kind: 'law_firm',
    name: '示例甲律师事务所（示例数据）',
    district: '江岸区',
    address: '江岸区示例路1号',
    hours: HOURS,
    phone: '027-00000001',
    licence_no: '示例-律所-0001',
    specialties: '婚姻家事、劳动争议',
    services: '法律咨询、诉讼代理',
  },
  {
    key: 'firm2',
    kind: 'law_firm',
    name: '示例乙律师事务所（示例数据）',
    district: '洪山区',
    address: '洪山区示例大道2号',
    hours: HOURS,
    phone: '027-00000002',
    licence_no: '示例-律所-0002',
    specialties: '合同纠纷、公司法务',
    services: '法律咨询、诉讼代理、法律顾问',
  },
  {
    key: 'lawyer1',
    kind: 'lawyer',
    name: '示例律师张某（示例数据）',
    district: '江岸区',
    address: '江岸区示例路1号',
    hours: HOURS,
    phone: '027-00000001',
    licence_no: '示例-律师-0001',
    specialties: '婚姻家事',
    services: '法律咨询、诉讼代理',
    parent: 'firm1',
  },
  {
    key: 'lawyer2',
    kind: 'lawyer',
    name: '示例律师李某（示例数据）',
    district: '洪山区',
    address: '洪山区示例大道2号',
    hours: HOURS,
    phone: '027-00000002',
    licence_no: '示例-律师-0002',
    specialties: '劳动争议、工伤赔偿',
    services: '法律咨询、法律援助',
    parent: 'firm2',
  },
  {
    key: 'notary1',
    kind: 'notary_office',
    name: '示例公证处（示例数据）',
    district: '江汉区',
    address: '江汉区示例街3号',
    hours: HOURS,
    phone: '027-00000003',
    licence_no: '示例-公证-0001',
    specialties: '民事公证、涉外公证',
    services: '委托公证、继承公证、学历公证、房产公证、出生公证',
  },
  {
    key: 'notary2',
    kind: 'notary_office',
    name: '示例第二公证处（示例数据）',
    district: '武昌区',
    address: '武昌区示例路4号',
    hours: HOURS,
    phone: '027-00000004',
    licence_no: '示例-公证-0002',
    specialties: '民事公证',
    services: '委托公证、继承公证、房产公证',
  },
  {
    key: 'appr1',
    kind: 'appraisal_institution',
    name: '示例司法鉴定所（示例数据）',
    district: '硚口区',
    address: '硚口区示例路5号',
    hours: HOURS,
    phone: '027-00000005',
    licence_no: '示例-鉴定-0001',
    specialties: '法医临床、法医病理',
    services: '伤残等级鉴定、死因鉴定',
  },
  {
    key: 'appr2',
    kind: 'appraisal_institution',
    name: '示例物证司法鉴定中心（示例数据）',
    district: '武昌区',
    address: '武昌区示例路6号',
    hours: HOURS,
    phone: '027-00000006',
    licence_no: '示例-鉴定-0002',
    specialties: '文书鉴定、痕迹鉴定、电子数据',
    services: '笔迹鉴定、印章鉴定、电子数据鉴定',
  },
  {
    key: 'appraiser1',
    kind: 'appraiser',
    name: '示例鉴定人王某（示例数据）',
    district: '硚口区',
    address: '硚口区示例路5号',
    hours: HOURS,
    phone: '027-00000005',
    licence_no: '示例-鉴定人-0001',
    specialties: '法医临床',
    services: '伤残等级鉴定',
    parent: 'appr1',
  },
  {
    key: 'med1',
    kind: 'mediation_committee',
    name: '示例街道人民调解委员会（示例数据）',
    district: '汉阳区',
    address: '汉阳区示例社区7号',
    hours: HOURS,
    phone: '027-00000007',
    licence_no: null,
    specialties: '邻里纠纷、婚姻家庭纠纷',
    services: '人民调解',
  },
  {
    key: 'point1',
    kind: 'service_point',
    name: '示例社区公共法律服务工作室（示例数据）',
    district: '青山区',
    address: '青山区示例社区8号',
    hours: '周一至周六 9:00-17:00',
    phone: '027-00000008',
    licence_no: null,
    specialties: '',
    services: '法律咨询、法律援助申请代收、人民调解',
  },
];
