// Reads for the open data downloads and their index page: a call's funded projects with
// only the fields the records publish. The application's narrative JSON is read on the
// server for its stated goals (the record's description) and nothing else leaves it.
import { settleEndedPublicity } from "~/modules/evaluation/finality.server";
import { parseGrantData } from "~/modules/grants/applications/application-form";
import { prisma } from "~/utils/db.server";
import { openDataRecord } from "./open-data";
import { projectMoney, PUBLIC_PROJECT_STATES } from "./public-project";

const PUBLIC_WHERE = { status: { in: [...PUBLIC_PROJECT_STATES] } };

/** Calls with funded projects, newest first, for the open data page. */
export function openDataCalls() {
  return prisma.grantCall.findMany({
    where: { projects: { some: PUBLIC_WHERE } },
    orderBy: [{ year: "desc" }, { title: "asc" }],
    select: { id: true, title: true, year: true, _count: { select: { projects: { where: PUBLIC_WHERE } } } },
  });
}

/** The call's open data records, or null when the call funded nothing public. */
export async function callOpenData(callId: string) {
  await settleEndedPublicity({ callId });
  const call = await prisma.grantCall.findFirst({
    where: { id: callId, projects: { some: PUBLIC_WHERE } },
    select: { id: true, title: true, year: true, confirmedAt: true },
  });
  if (!call) return null;
  const projects = await prisma.grantProject.findMany({
    where: { callId, ...PUBLIC_WHERE },
    orderBy: { projectNo: "asc" },
    select: {
      projectNo: true,
      title: true,
      category: true,
      serviceArea: true,
      awardFen: true,
      startsOn: true,
      endsOn: true,
      signedAt: true,
      closedAt: true,
      createdAt: true,
      updatedAt: true,
      organization: { select: { name: true, uscc: true } },
      application: { select: { data: true } },
      tranches: { where: { status: "PAID" }, select: { amountFen: true, status: true } },
    },
  });
  const records = projects.map(({ application, tranches, createdAt, ...p }) =>
    openDataRecord({
      ...p,
      description: parseGrantData(application.data).goals ?? null,
      paidFen: projectMoney({ awardFen: p.awardFen, tranches, refunds: [] }).paidFen,
      call: { title: call.title, year: call.year, confirmedAt: call.confirmedAt ?? createdAt },
    }),
  );
  return { call, records };
}
