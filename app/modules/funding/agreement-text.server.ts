// The facts an agreement version's text is made from, read in one query, and the
// SHA-256 both parties sign.
import { createHash } from "node:crypto";
import type { Db } from "~/utils/db.server";
import { parseGrantData } from "../grants/applications/application-form";
import { defaultVariables, parseVariables, renderAgreement, type AgreementFacts } from "./agreement-template";

/** SHA-256 (hex) of the exact agreement text, as UTF-8. */
export function agreementHash(text: string) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The project lead an agreement names by default: the team member called 负责人, else the first. */
function leadOf(data: string, fallback: string | null) {
  const team = parseGrantData(data).team.filter((m) => m.name?.trim());
  const lead = team.find((m) => m.role?.includes("负责人")) ?? team[0];
  return lead?.name?.trim() ?? fallback ?? "";
}

export async function loadAgreementFacts(db: Db, agreementId: string) {
  const row = await db.grantAgreement.findUniqueOrThrow({
    where: { id: agreementId },
    select: {
      version: true,
      kind: true,
      amendmentReason: true,
      endsOn: true,
      variables: true,
      project: {
        select: {
          projectNo: true,
          title: true,
          category: true,
          serviceArea: true,
          awardFen: true,
          startsOn: true,
          reportEveryMonths: true,
          call: { select: { title: true, agreementTemplate: true } },
          application: { select: { data: true } },
          organization: {
            select: { name: true, uscc: true, address: true, legalRepresentative: true, contactName: true },
          },
          kpis: { orderBy: { position: "asc" }, select: { kind: true, name: true, target: true } },
          budgetLines: {
            orderBy: { position: "asc" },
            select: { category: true, description: true, plannedFen: true, revisedFen: true },
          },
          tranches: {
            orderBy: { position: "asc" },
            select: { position: true, percent: true, amountFen: true, trigger: true },
          },
        },
      },
    },
  });
  const { project } = row;
  const defaults = defaultVariables({
    projectLead: leadOf(project.application.data, project.organization.contactName),
    reportEveryMonths: project.reportEveryMonths,
  });
  const facts: AgreementFacts = {
    version: row.version,
    kind: row.kind,
    amendmentReason: row.amendmentReason,
    endsOn: row.endsOn,
    project,
    callTitle: project.call.title,
    organization: project.organization,
    kpis: project.kpis,
    budgetLines: project.budgetLines,
    tranches: project.tranches,
    variables: parseVariables(row.variables, defaults),
  };
  return { facts, template: project.call.agreementTemplate };
}

/** The text this version would have if it were issued now, with its hash. */
export async function composeAgreementText(db: Db, agreementId: string) {
  const { facts, template } = await loadAgreementFacts(db, agreementId);
  const text = renderAgreement(template, facts);
  return { text, textHash: agreementHash(text), variables: facts.variables };
}
