// An organization's venture-philanthropy record on its public page (#14 item 9): each funded
// project with its year, amount awarded and paid, stage and final grade, and the bar from
// venture calls while one is in force (the cause and its end date, as the organization sees it).
import { prisma } from "~/utils/db.server";
import { activeGrantBan } from "../bans.server";
import { projectMoney, PUBLIC_PROJECT_STATES } from "./public-project";
import type { OrgProjectRecord } from "./public-views";

export async function publicOrgFundingRecord(organizationId: string, now: Date) {
  const [rows, ban] = await Promise.all([
    prisma.grantProject.findMany({
      where: { organizationId, status: { in: [...PUBLIC_PROJECT_STATES] } },
      orderBy: { projectNo: "desc" },
      select: {
        id: true,
        projectNo: true,
        title: true,
        status: true,
        finalGrade: true,
        awardFen: true,
        call: { select: { year: true } },
        tranches: { where: { status: "PAID" }, select: { amountFen: true, status: true } },
      },
    }),
    activeGrantBan(prisma, organizationId, now),
  ]);
  const projects: OrgProjectRecord[] = rows.map((p) => {
    const money = projectMoney({ awardFen: p.awardFen, tranches: p.tranches, refunds: [] });
    return {
      id: p.id,
      projectNo: p.projectNo,
      title: p.title,
      status: p.status,
      year: p.call.year,
      awardedFen: money.awardedFen,
      paidFen: money.paidFen,
      finalGrade: p.finalGrade,
    };
  });
  return { projects, ban: ban ? { reason: ban.reason, endsAt: ban.endsAt } : null };
}
