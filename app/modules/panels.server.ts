// The expert-panel subjects in use (decision 008), listed once. review/ knows
// no area; it runs panels for the kinds registered here. Everything that reads
// assignments of any subject type (the reviewer's pages, file access) imports
// the bound functions from this module, so the registry is complete on every
// server entry from a cold start. A new panel kind (rating, evaluation) writes
// its PanelSubjectKind in its area and adds it to the list.
import { grantEvaluationSubject } from "~/modules/evaluation/review/subject.server";
import { grantApplicationSubject } from "~/modules/grants/review/subject.server";
import { ratingApplicationSubject } from "~/modules/rating/review/subject.server";
import { reviewerFileAccess } from "~/modules/review/file-access.server";
import { reviewerDesk } from "~/modules/review/reviewer.server";
import { definePanelRegistry } from "~/modules/review/subject";

export const PANEL_SUBJECTS = definePanelRegistry([
  grantApplicationSubject,
  ratingApplicationSubject,
  grantEvaluationSubject,
]);

export const { listReviewerTasks, reviewerProgress, getReviewerTask, nextOpenTask, saveReview, recuseFromReview } =
  reviewerDesk(PANEL_SUBJECTS);

export const reviewerMaySeeFile = reviewerFileAccess(PANEL_SUBJECTS);
