// the shapes of the 待办 API (server/platform/workflow/todo.service.ts), shared by the server and the web app
// type-only: no runtime code here; dates are strings YYYY-MM-DD
import type { DeadlineItem } from './workflow.types.ts';

/** the nearest running statutory clock of a record waiting in someone's queue */
export interface TodoDeadline {
  clockId: string;
  label: string;
  due: string;
  /** an hours clock's due moment (ISO instant); null for day clocks */
  dueAt: string | null;
  unit: 'working' | 'calendar' | 'hours';
  /** from today to the due date in the clock's unit; negative when overdue */
  daysLeft: number | null;
  status: 'running' | 'paused';
  dueSoon: boolean;
  overdue: boolean;
  /** the clock runs into a year whose working-day calendar is not loaded: no due date can be computed (due is '') */
  uncomputable?: boolean;
}

/** one line of GET /api/todos: a step of a record that the signed-in user may do now (the record named as in 到期事项) */
export interface TodoItem extends Pick<DeadlineItem, 'ledger' | 'ledgerLabel' | 'module' | 'recordId' | 'title' | 'orgCode' | 'orgName' | 'link'> {
  state: string;
  stateLabel: string;
  /** the transition waiting: its name and what the queue calls it */
  step: string;
  stepLabel: string;
  /** done on the record's own page (a dedicated form), not with the generic button */
  dedicated: boolean;
  /** when the record reached its present state (ISO timestamp) */
  since: string;
  deadline: TodoDeadline | null;
}

export interface TodoList {
  items: TodoItem[];
  total: number;
  page: number;
  pageSize: number;
  today: string;
  /** each step waiting, with how many records wait for it (across all pages), for grouping and filtering */
  steps: Array<{ ledger: string; ledgerLabel: string; step: string; stepLabel: string; count: number }>;
}

export interface TodoCount {
  total: number;
  overdue: number;
  dueSoon: number;
}
