/** @module Types of the directory, notary and appraisal API responses, shared by the pages. */
export interface Entry {
  id: number;
  kind: string;
  kindLabel: string;
  name: string;
  district: string | null;
  address: string | null;
  hours: string | null;
  phone: string | null;
  licenceNo: string | null;
  status: string;
  statusLabel: string;
  specialties: string[];
  services: string[];
  parentId: number | null;
  sample: boolean;
}

export interface Matter {
  code: string;
  name: string;
  description: string;
  checklist: string[];
}

export interface Slot {
  id: number;
  officeId: number;
  matterCode: string;
  matterName: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  remaining: number;
}

export interface Booking {
  id: number;
  status: string;
  statusLabel: string;
  officeId: number;
  officeName: string | null;
  matterCode: string;
  matterName: string;
  checklist?: string[];
  slotId: number;
  date: string;
  startTime: string;
  endTime: string;
  applicantName: string;
  phone: string;
  feeWaiver: boolean;
  feeWaiverNote: string | null;
  acceptedOn: string | null;
  dueOn: string | null;
  overdue: boolean;
  workdaysLeft: number | null;
  actions: string[];
}

export interface AppraisalCase {
  id: number;
  code: string;
  institutionId: number;
  institutionName: string;
  category: string;
  commissioner: string;
  stage: string;
  stageLabel: string;
  commissionedOn: string;
  acceptDueOn: string;
  acceptedOn: string | null;
  dueOn: string | null;
  extensionDays: number;
  deadline: 'accept' | 'complete' | null;
  deadlineOn: string | null;
  overdue: boolean;
  workdaysLeft: number | null;
  late: boolean;
  actions: string[];
}

/** Reads a chosen file as base64 (for the JSON import endpoint). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}
