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
