// Every area's workflow table, registered in one place so the audit labels
// (app/modules/audit/state-labels.ts) can name any workflow's states without
// importing the areas. A new workflow file is added here; workflows.test.ts
// fails until it is.
//
// Labels are put on audit events on the server, in the loaders, through
// withStateChanges: the package is marked "sideEffects": false, so a bare
// `import "~/modules/workflows"` would be dropped by the bundler and leave the
// registry empty. Calling withStateChanges keeps this module, and the
// registration below, in every bundle that shows a state change.
import { auditStateChange } from "~/modules/audit/state-labels";
import { editionWorkflow } from "~/modules/directory/edition-workflow";
import { entryWorkflow } from "~/modules/directory/entry-workflow";
import { evaluationWorkflow } from "~/modules/evaluation/workflow";
import { agreementWorkflow } from "~/modules/funding/agreement-workflow";
import { budgetChangeWorkflow } from "~/modules/funding/budget-change-workflow";
import { expenseWorkflow } from "~/modules/funding/expense-workflow";
import { visitWorkflow } from "~/modules/funding/monitoring-workflow";
import { grantProjectWorkflow } from "~/modules/funding/project-workflow";
import { refundWorkflow } from "~/modules/funding/refund-workflow";
import { reportWorkflow } from "~/modules/funding/report-workflow";
import { trancheWorkflow } from "~/modules/funding/tranche-workflow";
import { grantApplicationWorkflow } from "~/modules/grants/applications/application-workflow";
import { callWorkflow } from "~/modules/grants/calls/workflow";
import { reviewRoundWorkflow } from "~/modules/grants/review/round-workflow";
import { incubationWorkflow } from "~/modules/incubation/workflow";
import { inspectionWorkflow, rectificationWorkflow } from "~/modules/inspection/workflow";
import { objectionWorkflow } from "~/modules/publicity/objection-workflow";
import { ratingApplicationWorkflow } from "~/modules/rating/application-workflow";
import { certificateWorkflow, checkWorkflow, gradeActionWorkflow } from "~/modules/rating/grade-workflow";
import { reviewRequestWorkflow } from "~/modules/rating/publicity-workflow";
import { ratingRoundWorkflow } from "~/modules/rating/round-workflow";
import { registrationWorkflow } from "~/modules/registration/workflow";
import { organizationStatusWorkflow } from "~/modules/registry/status-workflow";
import { reviewAssignmentWorkflow } from "~/modules/review/assignment-workflow";
import { orderWorkflow } from "~/modules/showroom/order-workflow";
import { productWorkflow } from "~/modules/showroom/product-workflow";
import { accountLockWorkflow, accountStatusWorkflow } from "~/modules/users/account-workflow";
import { registerWorkflows } from "~/modules/workflow/registry";

export const WORKFLOWS = registerWorkflows([
  registrationWorkflow,
  incubationWorkflow,
  inspectionWorkflow,
  rectificationWorkflow,
  callWorkflow,
  grantApplicationWorkflow,
  reviewRoundWorkflow,
  objectionWorkflow,
  editionWorkflow,
  entryWorkflow,
  reviewAssignmentWorkflow,
  productWorkflow,
  orderWorkflow,
  organizationStatusWorkflow,
  accountStatusWorkflow,
  accountLockWorkflow,
  ratingRoundWorkflow,
  ratingApplicationWorkflow,
  gradeActionWorkflow,
  certificateWorkflow,
  refundWorkflow,
  checkWorkflow,
  reviewRequestWorkflow,
  grantProjectWorkflow,
  trancheWorkflow,
  agreementWorkflow,
  expenseWorkflow,
  budgetChangeWorkflow,
  reportWorkflow,
  visitWorkflow,
  evaluationWorkflow,
]);

type AuditEventStates = { action: string; fromState: string | null; toState: string | null };

/** Adds `stateChange`, the "旧状态 → 新状态" line in Chinese, to each audit event. */
export function withStateChanges<E extends AuditEventStates>(events: E[]): (E & { stateChange: string })[] {
  return events.map((e) => ({ ...e, stateChange: auditStateChange(e.fromState, e.toState, e.action) }));
}
