// Demo delivery (#13 items 6-7 and 13), after funding-money: the organizations file their
// progress reports and record expenses with vouchers, and staff accept or return the
// reports, each step through the app's own writes on its day of the story (story-clock.ts).
// - The call that has ended (the "2025 call"): every report due was filed a few days early
//   and accepted; expenses use most of each line (evaluation.ts and closing.ts go on).
// - The call in delivery (the "autumn call"), by award order: the first report accepted
//   everywhere except one project that never filed it (THE overdue report; the second of
//   another project was returned once before being accepted); the second report, whose period has just
//   ended, returned with comments (1st project), filed and waiting for staff (2nd), and a
//   draft (3rd); expenses on both lines; the last project (the demo organization's) asks
//   for a 12% budget change that waits for staff; monitoring visits in each phase (visits()).
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { requestBudgetChange } from "~/modules/funding/budget-changes.server";
import { recordExpense } from "~/modules/funding/expenses.server";
import { closeVisit, planVisit, recordVisit, replyToVisit } from "~/modules/funding/monitoring.server";
import { saveReport } from "~/modules/funding/report-filing.server";
import { buildReportSchema } from "~/modules/funding/report-form";
import { acceptReport, returnReport } from "~/modules/funding/report-review.server";
import { solidPng } from "~/modules/showroom/png";
import { addDays, shanghaiEndOfDay, shanghaiParts, toDateInput } from "~/utils/dates";
import { prisma as appPrisma, type Tx } from "~/utils/db.server";
import { TERMINATED_DAYS_AGO } from "./closing";
import { today } from "./dates";
import { roundProjects, SEED_REQUEST, seedStaff, type SeedProject } from "./funding-seed-projects";
import { TERMINATED_ORG } from "./grants-review-projects";
import { atStoryTime } from "./story-clock";

type Report = SeedProject["reports"][number];
type Staff = { id: string; name: string };

const ACTIVITIES = ["入户走访与需求评估", "小组活动", "志愿者培训", "社区集中服务日", "个案跟进", "家属支持沙龙"];

const at = (day: Date, hours: number) => new Date(day.getTime() + hours * 3_600_000);
const endOfDay = (day: Date) => {
  const p = shanghaiParts(day);
  return shanghaiEndOfDay(p.year, p.month, p.day);
};

/** The report form as the organization would type it: cumulative KPI actuals and two activities. */
function reportValues(p: SeedProject, r: Report, submit: boolean) {
  const share = Math.min(1, r.sequence / Math.max(1, p.reports.length));
  const raw = {
    intent: submit ? "submit" : "save",
    narrative: `本期（第 ${r.sequence} 期）按协议计划推进「${p.title}」：完成服务对象走访和需求评估，开展小组活动和社区集中服务，志愿者队伍稳定，服务记录和满意度回访已整理归档。`,
    kpis: p.kpis.map((k) => ({
      kpiId: k.id,
      actual: String(Math.round((k.targetValue ?? 0) * share * 0.96)),
      note: "",
    })),
    activities: [0, 1].map((i) => ({
      heldOn: toDateInput(addDays(r.periodStart, 20 + i * 30)),
      title: ACTIVITIES[(r.sequence * 2 + i) % ACTIVITIES.length],
      peopleServed: String(18 + ((r.sequence * 7 + i * 5) % 23)),
    })),
  };
  return buildReportSchema({ kpiIds: p.kpis.map((k) => k.id), fileSchema: z.any() }).parse(raw);
}

async function file(p: SeedProject, r: Report, when: Date, submit = true) {
  await atStoryTime(when, () =>
    saveReport({
      projectId: p.id,
      reportId: r.id,
      organizationId: p.organizationId,
      actorId: p.application.createdById,
      values: reportValues(p, r, submit),
      submit,
      request: SEED_REQUEST(),
    }),
  );
}

async function review(p: SeedProject, r: Report, staff: Staff, when: Date, comment?: string) {
  const input = { projectId: p.id, reportId: r.id, actorId: staff.id, request: SEED_REQUEST() };
  await atStoryTime(when, () =>
    appPrisma.$transaction((tx) => (comment ? returnReport(tx, { ...input, comment }) : acceptReport(tx, input))),
  );
}

/** Filed 4 days before it was due, accepted 3 days after. */
async function fileAndAccept(p: SeedProject, r: Report, staff: Staff) {
  await file(p, r, at(addDays(r.dueAt, -4), -8));
  await review(p, r, staff, at(addDays(r.dueAt, 3), -14));
}

const VOUCHER = solidPng(64, 64, [236, 240, 245]);

/** Expenses on the project's lines: `shares` of each line's planned amount, spread over the months run so far. */
async function spend(p: SeedProject, shares: Record<string, number[]>, until: Date) {
  const from = p.startsOn;
  const last = until > today ? today : until;
  for (const line of p.budgetLines) {
    const parts = shares[line.category] ?? [];
    for (const [i, share] of parts.entries()) {
      const spentOn = new Date(from.getTime() + ((last.getTime() - from.getTime()) * (i + 1)) / (parts.length + 1));
      const amountFen = Math.round(line.plannedFen * share);
      if (amountFen <= 0) continue;
      const voucher = new File([VOUCHER], `凭证-${p.projectNo}-${line.category}-${i + 1}.png`, { type: "image/png" });
      await atStoryTime(at(addDays(spentOn, 1), 10), () =>
        recordExpense({
          project: p,
          actorId: p.application.createdById,
          values: {
            budgetLineId: line.id,
            spentOn,
            amountFen,
            description: line.category === "OVERHEAD" ? "项目审计与管理费用" : `社工服务费（第 ${i + 1} 批）`,
          },
          voucher,
          request: SEED_REQUEST(),
        }),
      );
    }
  }
}

async function endedCall(prisma: PrismaClient, staff: Staff) {
  for (const p of await roundProjects(prisma, "funded")) {
    if (!p.signedAt) continue;
    // The project closing.ts terminates files and spends nothing after its termination.
    const until = p.organization.name === TERMINATED_ORG ? addDays(today, -TERMINATED_DAYS_AGO - 5) : today;
    for (const r of p.reports.filter((r) => r.dueAt < until)) await fileAndAccept(p, r, staff);
    await spend(p, { SOCIAL_WORK: [0.3, 0.3, 0.33], OVERHEAD: [0.45, 0.45] }, until < p.endsOn ? until : p.endsOn);
  }
}

async function deliveryCall(prisma: PrismaClient, staff: Staff) {
  const projects = (await roundProjects(prisma, "delivery")).filter((p) => p.signedAt);
  const overdueAt = Math.min(4, projects.length - 1);
  for (const [n, p] of projects.entries()) {
    const [first, second] = p.reports;
    if (first && first.dueAt < today && n !== overdueAt) {
      if (n === 1) {
        await file(p, first, at(addDays(first.dueAt, -8), -8));
        await review(
          p,
          first,
          staff,
          at(addDays(first.dueAt, -6), -14),
          "活动记录缺少签到表和照片，请补充后重新提交。",
        );
        await fileAndAccept(p, first, staff);
      } else await fileAndAccept(p, first, staff);
    }
    // The second period has just ended: its report is due within the next two weeks.
    if (second && second.periodEnd < today && second.dueAt > today) {
      const filedOn = at(addDays(second.periodEnd, 2), -8);
      if (n === 0) {
        await file(p, second, filedOn);
        await review(
          p,
          second,
          staff,
          at(addDays(today, -2), 10),
          "请按协议指标补充本期服务人次的统计口径，并附活动签到表。",
        );
      } else if (n === 1) await file(p, second, at(addDays(today, -1), 16));
      else if (n === 2) await file(p, second, at(addDays(today, -1), 16), false);
    }
    await spend(p, { SOCIAL_WORK: [0.12, 0.15], OVERHEAD: [0.2] }, addDays(today, -5));
  }
  const last = projects.at(-1);
  if (last) await budgetChange(last);
  await visits(projects, staff);
}

/**
 * 督导 (#13 item 8): a visit eight days ago whose findings wait for the organization's reply
 * (1st project), one planned for next week at the demo organization's project (the last), and
 * an earlier one answered and closed (3rd).
 */
async function visits(projects: SeedProject[], staff: Staff) {
  const [first, , third] = projects;
  const last = projects.at(-1);
  const day = (n: number, hours = 10) => at(addDays(today, n), hours);
  const step = <T>(when: Date, run: (tx: Tx) => Promise<T>) => atStoryTime(when, () => appPrisma.$transaction(run));
  const who = (p: SeedProject) => ({ projectId: p.id, actorId: staff.id, request: SEED_REQUEST() });
  if (first) {
    await step(day(-8, 16), (tx) =>
      recordVisit(tx, {
        ...who(first),
        visitedOn: addDays(today, -8),
        findings: "服务台账与签到表基本完整；部分入户探访记录缺少服务对象确认签字，志愿者保险未覆盖新招募人员。",
        requestedActions: "补齐探访记录的确认签字，为新招募志愿者办理保险，两周内书面回复。",
        replyDueAt: endOfDay(addDays(today, 6)),
      }),
    );
  }
  if (third) {
    const done = await step(day(-40, 16), (tx) =>
      recordVisit(tx, {
        ...who(third),
        visitedOn: addDays(today, -40),
        findings: "活动场地消防通道堆放物资，存在安全隐患。",
        requestedActions: "清理消防通道，建立场地安全检查记录。",
        replyDueAt: endOfDay(addDays(today, -26)),
      }),
    );
    if (done.ok) {
      const visitId = done.visitId;
      await step(day(-33, 15), (tx) =>
        replyToVisit(tx, {
          ...who(third),
          actorId: third.application.createdById,
          visitId,
          reply: "已清理消防通道并张贴责任人，每周检查一次，附检查记录表。",
        }),
      );
      await step(day(-30, 11), (tx) => closeVisit(tx, { ...who(third), visitId, note: "整改到位。" }));
    }
  }
  if (last) {
    await step(day(-3, 9), (tx) =>
      planVisit(tx, { ...who(last), visitedOn: addDays(today, 6), purpose: "预算执行与服务台账核查" }),
    );
  }
}

/** 12% of the overhead line moved to social-work services: over 10%, so it waits for staff with a reason. */
async function budgetChange(p: SeedProject) {
  const overhead = p.budgetLines.find((l) => l.category === "OVERHEAD");
  const work = p.budgetLines.find((l) => l.category === "SOCIAL_WORK");
  if (!overhead || !work) return;
  const moved = Math.round(overhead.plannedFen * 0.12);
  await atStoryTime(at(addDays(today, -4), 11), () =>
    requestBudgetChange({
      project: p,
      actorId: p.application.createdById,
      lines: [
        { budgetLineId: overhead.id, toFen: overhead.plannedFen - moved },
        { budgetLineId: work.id, toFen: work.plannedFen + moved },
      ],
      reason: "审计费用经比价低于预算，结余部分用于增加入户社工服务频次。",
      request: SEED_REQUEST(),
    }),
  );
}

export async function seedFundingDelivery(prisma: PrismaClient) {
  const staff = await seedStaff(prisma);
  if (!staff) return;
  await endedCall(prisma, staff);
  await deliveryCall(prisma, staff);
}
