// Gathers the record the directory's conditions, markers and removal triggers read,
// for several organizations at once (no query per organization). It reuses the
// grant call's eligibility facts (status, last year's report, abnormal list), the
// grades in force and the venture-philanthropy bans, and reads only what they lack.
import { getRules } from "~/modules/config/rules.server";
import { activeGrantBans } from "~/modules/funding/bans.server";
import { loadEligibilityFacts } from "~/modules/grants/applications/eligibility.server";
import { lastInspectionYear, yearsBefore } from "~/modules/grants/calls/eligibility";
import { parseReportData } from "~/modules/inspection/report-form";
import { gradesInForce } from "~/modules/registry/grade.server";
import type { Db } from "~/utils/db.server";
import { checkConditions, type DirectoryRules } from "./conditions";
import type { TriggerFacts } from "./removal";

/** How far back the record is read: the credit window, and a margin for removals of last year's listing. */
const lookbackYears = (rules: DirectoryRules) => Math.max(rules["directory.creditWindowYears"], 2);

export async function loadDirectoryFacts(db: Db, organizationIds: string[], at: Date, rules: DirectoryRules) {
  const ids = [...new Set(organizationIds)];
  const since = yearsBefore(at, lookbackYears(rules));
  const lastYear = lastInspectionYear(at);
  const [eligibility, orgs, grades, bans, staffReports, badReports, credits, projects, cancellations] =
    await Promise.all([
      loadEligibilityFacts(db, ids, null, at),
      db.organization.findMany({
        where: { id: { in: ids } },
        select: { id: true, registeredAt: true, category: true },
      }),
      gradesInForce(db, ids, at),
      activeGrantBans(db, ids, at),
      // The last two years' reports: 专职工作人员数 comes from the latest that gives it.
      db.inspectionReport.findMany({
        where: { organizationId: { in: ids }, year: { gte: lastYear - 1 }, status: { in: ["SUBMITTED", "CONCLUDED"] } },
        orderBy: { year: "desc" },
        select: { organizationId: true, year: true, data: true },
      }),
      db.inspectionReport.findMany({
        where: {
          organizationId: { in: ids },
          conclusion: { in: ["UNQUALIFIED", "MISSED"] },
          concludedAt: { gte: since },
        },
        select: { organizationId: true, year: true, conclusion: true, concludedAt: true },
      }),
      db.creditRecord.findMany({
        where: { organizationId: { in: ids }, OR: [{ decidedAt: { gte: since } }, { endedAt: null }] },
        select: { organizationId: true, kind: true, decidedAt: true, endedAt: true, description: true },
      }),
      db.grantProject.findMany({
        where: { organizationId: { in: ids }, status: { in: ["CLOSED", "TERMINATED"] } },
        select: { organizationId: true, title: true, status: true, finalGrade: true, closedAt: true, updatedAt: true },
      }),
      db.ratingGradeAction.findMany({
        where: { organizationId: { in: ids }, kind: "CANCEL", status: "CONFIRMED", decidedAt: { gte: since } },
        select: { organizationId: true, decidedAt: true },
      }),
    ]);
  const facts = new Map<string, TriggerFacts>();
  for (const org of orgs) {
    const base = eligibility.get(org.id);
    if (!base) continue;
    const report = base.inspections.find((r) => r.year === lastYear) ?? null;
    const staff = staffReports
      .filter((r) => r.organizationId === org.id)
      .map((r) => ({ year: r.year, count: Number(parseReportData(r.data).staffCount) }))
      .find((r) => Number.isInteger(r.count) && r.count >= 0);
    const grade = grades.get(org.id);
    // Ending last first, as activeGrantBan picks.
    const ban = bans.find((b) => b.organizationId === org.id);
    facts.set(org.id, {
      organization: { status: base.organization.status, registeredAt: org.registeredAt, category: org.category },
      grade: grade ? { grade: grade.grade, validTo: grade.validTo } : null,
      lastYearReport: report ? { year: report.year, status: report.status, conclusion: report.conclusion } : null,
      staff: staff ?? null,
      credits: credits.filter((c) => c.organizationId === org.id),
      ban: ban ? { reason: ban.reason, endsAt: ban.endsAt } : null,
      projects: projects
        .filter((p) => p.organizationId === org.id)
        .map((p) => ({
          title: p.title,
          status: p.status,
          finalGrade: p.finalGrade,
          // A terminated project counts from its termination (its last change).
          closedAt: p.closedAt ?? (p.status === "TERMINATED" ? p.updatedAt : null),
        })),
      badReports: badReports.filter((r) => r.organizationId === org.id),
      gradeCancellations: cancellations
        .filter((c) => c.organizationId === org.id && c.decidedAt)
        .map((c) => ({ decidedAt: c.decidedAt! })),
    });
  }
  return facts;
}

/** One organization's conditions on `at`, with the rules in force that day. */
export async function conditionsOf(db: Db, organizationId: string, at = new Date()) {
  const rules = await getRules(at, db);
  const facts = (await loadDirectoryFacts(db, [organizationId], at, rules)).get(organizationId);
  if (!facts) return null;
  return { facts, rules, checks: checkConditions(facts, rules, at) };
}
