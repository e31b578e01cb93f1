-- Evaluations of funded projects (app/modules/evaluation): the call's evaluation panel
-- settings, the evaluation's self-assessment and expert totals, and the self-assessed leaves.

-- AlterTable
ALTER TABLE "GrantCall" ADD COLUMN "evaluationReviewers" INTEGER NOT NULL DEFAULT 3;
ALTER TABLE "GrantCall" ADD COLUMN "evaluationBlind" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "GrantCall" ADD COLUMN "evaluationAssignSeed" TEXT;

-- AlterTable
ALTER TABLE "GrantEvaluation" ADD COLUMN "selfTotal" REAL;
ALTER TABLE "GrantEvaluation" ADD COLUMN "submittedAt" DATETIME;
ALTER TABLE "GrantEvaluation" ADD COLUMN "expertTotal" REAL;
ALTER TABLE "GrantEvaluation" ADD COLUMN "vetoedAt" DATETIME;

-- CreateTable
CREATE TABLE "GrantEvaluationSelfScore" (
    "evaluationId" TEXT NOT NULL,
    "leafCode" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("evaluationId", "leafCode"),
    CONSTRAINT "GrantEvaluationSelfScore_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "GrantEvaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
