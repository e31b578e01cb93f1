// Who the panel's staff actions act for, and small guards they share. They
// answer with a WriteResult (~/utils/write-result): a refusal the person can fix
// (a field, the form) is a failure; a state that changed under them is a
// WorkflowError the route turns into a response.
import { WorkflowError } from "~/modules/workflow/state-machine";
import { reviewAssignmentWorkflow, type ReviewAssignmentState } from "./assignment-workflow";

export type PanelCtx = { actor: { id: string }; request?: Request };

/** The reviewer's task pages, linked from every notice sent to reviewers. */
export const REVIEWER_TASKS_LINK = "/reviewer/reviews";

export function stateOf(status: string): ReviewAssignmentState {
  if (!reviewAssignmentWorkflow.isState(status)) throw new WorkflowError(`未知的评审任务状态：${status}`);
  return status;
}

export function assertOpen(round: { open: boolean }) {
  if (!round.open) throw new WorkflowError("专家评审环节已结束，不能再调整评审专家或评分", 409);
}
