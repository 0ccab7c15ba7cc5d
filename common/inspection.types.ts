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
  officers: Array<{ name: string; cert: string }>;
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
