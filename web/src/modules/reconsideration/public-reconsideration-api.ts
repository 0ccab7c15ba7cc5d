/** a published 行政复议决定书 as the public site lists it (server: reconsideration.public.ts) */
export interface PublicReconsiderationDecision {
  id: number;
  orgName: string;
  decisionNo: string | null;
  caseNo: string;
  decidedOn: string | null;
  publishedOn: string | null;
  respondent: string;
  actCategory: string;
  act: string;
  decisionKind: string | null;
  applicantType: string;
}

export interface PublicReconsiderationDecisionText extends PublicReconsiderationDecision {
  claim: string | null;
  text: string;
}

export const DECISION_COLORS: Record<string, string> = { 维持: 'default', 驳回: 'default', 撤销: 'red', 变更: 'orange', 确认违法: 'volcano', 确认无效: 'magenta', 责令履行: 'gold' };
