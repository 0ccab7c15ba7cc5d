import { adminModule } from '../platform/admin.module.ts';
import type { ModuleDefinition } from '../platform/module.ts';
import { mediationModule } from './mediation/mediation.module.ts';
import { reportReviewModule } from './report-review/report-review.module.ts';

/** every work area of the product, in navigation order; adding one is adding one folder and one line here */
export const modules: ModuleDefinition[] = [adminModule, mediationModule, reportReviewModule];
