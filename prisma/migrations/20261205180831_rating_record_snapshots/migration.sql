-- AlterTable
ALTER TABLE "RatingApplication" ADD COLUMN "recordScores" TEXT;

