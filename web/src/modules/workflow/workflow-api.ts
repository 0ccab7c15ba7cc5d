export interface DeadlineItem {
  ledger: string;
  ledgerLabel: string;
  module: string;
  recordId: number;
  title: string;
  orgCode: string;
  orgName: string;
  clockId: string;
  clockLabel: string;
  status: 'running' | 'paused' | 'stopped' | 'error' | string;
  due: string | null;
  unit: 'working' | 'calendar';
  daysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  error: string | null;
  link: string;
}

export interface DeadlineList {
  items: DeadlineItem[];
  total: number;
  page: number;
  pageSize: number;
  today: string;
}

export interface LedgerRef {
  name: string;
  label: string;
  module: string;
  noun: string;
}

export interface NotificationItem {
  id: number;
  kind: string;
  ledger: string | null;
  recordId: number | null;
  clockId: string | null;
  due: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface CalendarYearSummary {
  year: number;
  source: string | null;
  loadedBy: string | null;
  loadedAt: string | null;
  holidays: number;
  workdays: number;
}

export interface CalendarDay {
  date: string;
  name: string;
  weekday: string;
}


export interface CalendarYearDetail {
  year: number;
  source: string | null;
  loadedBy: string | null;
  loadedAt: string | null;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

export interface LoadResult {
  year: number;
  source: string;
  corrected: boolean;
  holidays: number;
  workdays: number;
  added: string[];
  removed: string[];
  recomputed: number;
}

export interface DeadlineCalc {
  from: string;
  days: number;
  unit: 'working' | 'calendar';
  due: string;
  explanation: string[];
}

export const workflowKeys = {
  deadlines: (q: object) => ['deadlines', q] as const,
  ledgers: ['ledgers', 'list'] as const,
  notifications: (page: number, unread: boolean) => ['notifications', page, unread] as const,
  calendarYears: ['calendar', 'years'] as const,
  calendarYear: (y: number) => ['calendar', y] as const,
};

export const MODULE_LABELS: Record<string, string> = {
  mediation: '人民调解',
  petitions: '信访投诉',
  reconsideration: '复议诉讼',
  publicity: '普法学法',
  'legal-advisors': '法律顾问',
  leadership: '第一责任人',
  'business-env': '营商环境',
  enforcement: '行政执法',
  decisions: '重大决策',
  documents: '规范性文件',
  disclosure: '政务公开',
};
