/** 扫码入企: what anyone holding an inspection code may read on the public site */
export interface PublicInspection {
  code: string;
  inspectionNo: string;
  organ: string;
  planKind: string;
  state: string;
  valid: boolean;
  /** masked: enough for the enterprise to recognise itself */
  enterprise: string;
  matter: { code: string; name: string; basis: string };
  /**
   * each officer with the certificate as the inspecting unit's registry (执法检查人员名录库) holds it on the day asked
   * (亮证): valid with its end date, expired, not yet valid, a number registered to someone else, a number not in
   * the registry — or unchecked where the unit keeps no registry
   */
  officers: Array<{ name: string; cert: string; certificate: OfficerCertificate }>;
  approver: string;
  approvedOn: string;
  emergency: boolean;
  plannedOn: string;
  inspectedOn: string | null;
  jointOrgs: string | null;
  /** the published yearly cap on 日常 inspections, and each department's 日常 inspections of this enterprise this year */
  usage: { year: number; kinds: string[]; departments: Array<{ organ: string; used: number; cap: number }> };
}

/** 年度检查频次上限 as published: the general figure and the departments that set their own */
export interface PublicInspectionCap {
  year: number;
  /** the plan kinds the cap limits (日常); 专项 and 个案 are not refused by it */
  kinds: string[];
  cap: number;
  departments: Array<{ organ: string; cap: number }>;
}

export interface InspectionAlertItem {
  uscc: string;
  name: string;
  visits: number;
  orgs: string[];
  kind: 'repeated' | 'high_frequency';
  message: string;
}

/** a year of enterprise inspections in the user's scope */
export interface InspectionOverview {
  year: number;
  /** approved or made inspections; a joint inspection (综合查一次) is one */
  visits: number;
  enterprises: number;
  joint: number;
  byKind: Record<string, number>;
  byOutcome: Record<string, number>;
  /** the annual cap on 日常 inspections of one enterprise by this department */
  cap: number;
  repeatDays: number;
  highFrequency: number;
  alerts: InspectionAlertItem[];
}

export interface OfficerCertificate {
  status: 'valid' | 'expired' | 'not_yet' | 'other_name' | 'unregistered' | 'unchecked';
  validUntil: string | null;
}

/** the inspection standards of an inspection's matter (一表通查), and their items as one checklist */
export interface InspectionStandards {
  standards: Array<{ id: number; title: string; basis: string | null; items: string[] }>;
  items: string[];
}
