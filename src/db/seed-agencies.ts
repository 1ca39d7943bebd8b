/** @module The city legal-aid centre and the district centres of 武汉市 (names of the 13 districts; contact fields left for the bureau to fill). */

const DISTRICTS = [
  '江岸区',
  '江汉区',
  '硚口区',
  '汉阳区',
  '武昌区',
  '青山区',
  '洪山区',
  '东西湖区',
  '蔡甸区',
  '江夏区',
  '黄陂区',
  '新洲区',
  '汉南区',
];

const CODES: Record<string, string> = {
  江岸区: 'jiangan',
  江汉区: 'jianghan',
  硚口区: 'qiaokou',
  汉阳区: 'hanyang',
  武昌区: 'wuchang',
  青山区: 'qingshan',
  洪山区: 'hongshan',
  东西湖区: 'dongxihu',
  蔡甸区: 'caidian',
  江夏区: 'jiangxia',
  黄陂区: 'huangpi',
  新洲区: 'xinzhou',
  汉南区: 'hannan',
};

export const WUHAN_AGENCIES = [
  {
    code: 'city',
    name: '武汉市法律援助中心',
    level: 'city' as const,
    district: null,
    address: null,
    phone: '12348',
  },
  ...DISTRICTS.map((d) => ({
    code: CODES[d]!,
    name: `${d}法律援助中心`,
    level: 'district' as const,
    district: d,
    address: null,
    phone: '12348',
  })),
];

export const WUHAN_DISTRICTS = DISTRICTS;
