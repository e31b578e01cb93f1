// The 待办 sources of each home page (#16). An area adds a line by writing a
// QueueSource in its own queue.server.ts and listing it here.
import { directoryStaffQueue } from "~/modules/directory/queue.server";
import { evaluationStaffQueue } from "~/modules/evaluation/queue.server";
import {
  agreementOrgQueue,
  agreementStaffQueue,
  fundingOrgQueue,
  fundingStaffQueue,
  trancheStaffQueue,
} from "~/modules/funding/queue.server";
import { grantOrgQueue, grantStaffQueue } from "~/modules/grants/queue.server";
import { incubationChecks } from "~/modules/incubation/queue.server";
import { annualReportsDue, rectificationsToReview, reportsToReview } from "~/modules/inspection/queue.server";
import { registrationCorrections, registrationsToDecide } from "~/modules/registration/queue.server";
import { showroomStaffQueue } from "~/modules/showroom/queue.server";
import {
  collectQueue,
  type OrgQueueContext,
  type QueueSource,
  type ReviewerQueueContext,
  type StaffQueueContext,
} from "./queue";
import { reviewerTasks } from "./reviewer.server";

const STAFF_QUEUE: QueueSource<StaffQueueContext>[] = [
  registrationsToDecide,
  reportsToReview,
  rectificationsToReview,
  incubationChecks,
  grantStaffQueue,
  fundingStaffQueue,
  trancheStaffQueue,
  agreementStaffQueue,
  evaluationStaffQueue,
  showroomStaffQueue,
  directoryStaffQueue,
];

const ORG_QUEUE: QueueSource<OrgQueueContext>[] = [
  annualReportsDue,
  registrationCorrections,
  grantOrgQueue,
  fundingOrgQueue,
  agreementOrgQueue,
];

const REVIEWER_QUEUE: QueueSource<ReviewerQueueContext>[] = [reviewerTasks];

export function staffQueue(now = new Date()) {
  return collectQueue(STAFF_QUEUE, { now });
}

export function orgQueue(organizationId: string, now = new Date()) {
  return collectQueue(ORG_QUEUE, { now, organizationId });
}

export function reviewerQueue(userId: string, now = new Date()) {
  return collectQueue(REVIEWER_QUEUE, { now, userId });
}
