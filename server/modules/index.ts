import { adminModule } from '../platform/admin.module.ts';
import { calendarModule } from '../platform/calendar/calendar.module.ts';
import type { ModuleDefinition } from '../platform/module.ts';
import { numberingModule } from '../platform/numbering/numbering.module.ts';
import { dictionaryModule } from '../platform/ledger/dictionary.module.ts';
import { workflowModule } from '../platform/workflow/workflow.module.ts';
import { mediationModule } from './mediation/mediation.module.ts';
import { reportReviewModule } from './report-review/report-review.module.ts';
import { annualReportModule } from './annual-report/annual-report.module.ts';
import { publicityModule } from './publicity/publicity.module.ts';
import { petitionsModule } from './petitions/petitions.module.ts';
import { reconsiderationModule } from './reconsideration/reconsideration.module.ts';
import { legalAdvisorsModule } from './legal-advisors/legal-advisors.module.ts';
import { leadershipModule } from './leadership/leadership.module.ts';
import { businessEnvModule } from './business-env/business-env.module.ts';
import { decisionsModule } from './decisions/decisions.module.ts';
import { disclosureModule } from './disclosure/disclosure.module.ts';
import { enforcementModule } from './enforcement/enforcement.module.ts';
import { supervisionModule } from './supervision/supervision.module.ts';
import { evaluationModule } from './evaluation/evaluation.module.ts';

/** every work area of the product, in navigation order (evaluation last: its demo scores the others' demo records); adding one is adding one folder and one line here */
export const modules: ModuleDefinition[] = [adminModule, calendarModule, workflowModule, numberingModule, dictionaryModule, mediationModule, petitionsModule, reconsiderationModule, publicityModule, legalAdvisorsModule, leadershipModule, businessEnvModule, enforcementModule, supervisionModule, decisionsModule, disclosureModule, annualReportModule, reportReviewModule, evaluationModule];
