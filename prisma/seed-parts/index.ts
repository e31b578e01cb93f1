// The demo data of each module, run in order after the base accounts and
// organizations exist. Each part finds what it needs by querying.
import type { PrismaClient } from "~/generated/prisma/client";
import { seedClosing } from "./closing";
import { seedDirectory } from "./directory";
import { seedEvaluations } from "./evaluation";
import { seedFundingAgreements } from "./funding";
import { seedFundingDelivery } from "./funding-delivery";
import { seedFundingMoney } from "./funding-money";
import { seedGrantApplications } from "./grants-applications";
import { seedGrantCalls } from "./grants-calls";
import { seedGrantReview } from "./grants-review";
import { seedIncubation } from "./incubation";
import { seedIndicators } from "./indicators";
import { seedInspection } from "./inspection";
import { seedRating } from "./rating";
import { seedRatingResults } from "./rating-results";
import { seedRegistration } from "./registration";
import { seedRegistry } from "./registry";
import { seedRules } from "./rules";
import { seedShowroom } from "./showroom";

type SeedPart = { name: string; run: (prisma: PrismaClient) => Promise<unknown> };

export const SEED_PARTS: SeedPart[] = [
  { name: "rules", run: seedRules },
  // before the rating rounds: a round picks a scheme per organization type
  { name: "indicators", run: seedIndicators },
  // before inspection: grades decide which annual reports are simplified
  { name: "registry", run: seedRegistry },
  { name: "inspection", run: seedInspection },
  { name: "incubation", run: seedIncubation },
  { name: "registration", run: seedRegistration },
  { name: "grants-calls", run: seedGrantCalls },
  { name: "grants-applications", run: seedGrantApplications },
  { name: "grants-review", run: seedGrantReview },
  { name: "showroom", run: seedShowroom },
  // after grants-review confirms last year's list: its projects are signed
  { name: "funding", run: seedFundingAgreements },
  // after the agreements part (funding) signs projects: payments of the signing tranches
  { name: "funding-money", run: seedFundingMoney },
  // after the payments: reports, expenses and a budget change (before evaluations read them)
  { name: "funding-delivery", run: seedFundingDelivery },
  // after the reports they are filed with: mid-term and final evaluations, their gates and bans
  { name: "evaluation", run: seedEvaluations },
  // after the final results: leftover funds, 结项, and the termination with its clawback
  { name: "closing", run: seedClosing },
  // after registry (grades) and indicators (schemes); after closing, so a self total counts the
  // projects closed before its submission, as the record leaf reads them (decision 031)
  { name: "rating", run: seedRating },
  // after rating: the announced and 公示 rounds use the schemes it froze
  { name: "rating-results", run: seedRatingResults },
  // after registry, inspection and funding: last year's directory in force (one removed by a penalty), this year's open
  { name: "directory", run: seedDirectory },
];
