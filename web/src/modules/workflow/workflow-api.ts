import type { CalendarLoadResult, CalendarYearSummary, DeadlineItem } from '../../../../common/workflow.types.ts';
export type { CalendarPreview } from '../../../../common/workflow.types.ts';

export type { CalendarYearSummary, DeadlineItem } from '../../../../common/workflow.types.ts';
export type LoadResult = CalendarLoadResult;

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

export interface CalendarDay {
  date: string;
  name: string;
  weekday: string;
}

/** GET /api/calendar/:year: the year's summary with its holidays and make-up working days listed */
export interface CalendarYearDetail extends Omit<CalendarYearSummary, 'holidays' | 'workdays'> {
  holidays: CalendarDay[];
  workdays: CalendarDay[];
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
