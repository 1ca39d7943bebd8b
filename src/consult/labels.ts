/** @module Chinese labels of the consult area's codes (categories, offline service kinds, stages). */
import type { OfflineKind, QuestionCategory, QuestionStage, QuestionStatus } from './tables.js';

export const CATEGORY_LABELS: Record<QuestionCategory, string> = {
  consultation: '法律咨询',
  mediation: '矛盾纠纷调解',
  legal_aid: '法律援助',
  opinion: '提供法律意见',
};

export const OFFLINE_LABELS: Record<OfflineKind, string> = {
  consultation: '法律咨询',
  mediation: '矛盾纠纷调解',
  lecture: '法治讲座',
  legal_aid: '法律援助',
  litigation: '代理案件',
  opinion: '提供法律意见',
  publicity: '法治宣传活动',
};

export const STAGE_LABELS: Record<QuestionStage, string> = {
  community: '社区法律顾问',
  pool: '志愿律师库',
  hotline: '12348 热线',
};

export const STATUS_LABELS: Record<QuestionStatus, string> = {
  open: '待回复',
  answered: '已回复',
  closed: '已结束',
};

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as [QuestionCategory, ...QuestionCategory[]];
export const OFFLINE_KINDS = Object.keys(OFFLINE_LABELS) as [OfflineKind, ...OfflineKind[]];

/** The kinds a CSV may name in Chinese. */
export const KIND_BY_LABEL: Record<string, 'community' | 'village'> = {
  社区: 'community',
  村: 'village',
};
