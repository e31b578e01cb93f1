// Open data of a call's funded projects (#14 item 12), shaped like the 360Giving standard:
// one grant record per project (JSON) and the same record flattened to 360Giving's CSV
// column titles. Pure; docs/OPEN-DATA.md documents every field. Amounts are yuan (the
// standard's unit is the currency), dates ISO YYYY-MM-DD in Asia/Shanghai.
import { toDateInput } from "~/utils/dates";
import { FUNDER_NAME } from "../agreement-template";

/** 360Giving asks for a registered prefix; these stand for the platform until one is registered. */
export const GRANT_ID_PREFIX = "360G-yimiao-";
export const FUNDER_ID = "CN-YIMIAO-BUREAU";

export type OpenDataFacts = {
  projectNo: string;
  title: string;
  description: string | null;
  category: string | null;
  serviceArea: string | null;
  awardFen: number;
  paidFen: number;
  startsOn: Date;
  endsOn: Date;
  signedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  organization: { name: string; uscc: string | null };
  call: { title: string; year: number; confirmedAt: Date | null };
};

const day = (at: Date | null) => (at ? toDateInput(at) : null);
const yuan = (fen: number) => Math.round(fen) / 100;

export function openDataRecord(p: OpenDataFacts) {
  return {
    id: `${GRANT_ID_PREFIX}${p.projectNo}`,
    title: p.title,
    description: p.description?.trim() || p.title,
    currency: "CNY",
    amountAwarded: yuan(p.awardFen),
    amountDisbursed: yuan(p.paidFen),
    awardDate: day(p.call.confirmedAt),
    recipientOrganization: [{ id: p.organization.uscc ?? "", name: p.organization.name }],
    fundingOrganization: [{ id: FUNDER_ID, name: FUNDER_NAME }],
    grantProgramme: [{ title: p.call.title, code: String(p.call.year) }],
    plannedDates: [{ startDate: day(p.startsOn), endDate: day(p.endsOn) }],
    actualDates: [{ startDate: day(p.signedAt), endDate: day(p.closedAt) }],
    beneficiaryLocation: p.serviceArea ? [{ name: p.serviceArea }] : [],
    classifications: p.category ? [{ vocabulary: "yimiao-service-field", title: p.category }] : [],
    dateModified: p.updatedAt.toISOString(),
  };
}
export type OpenDataRecord = ReturnType<typeof openDataRecord>;

/** The CSV columns (360Giving's flat titles) and how each reads a record. */
export const OPEN_DATA_COLUMNS: { title: string; read: (r: OpenDataRecord) => string | number | null }[] = [
  { title: "Identifier", read: (r) => r.id },
  { title: "Title", read: (r) => r.title },
  { title: "Description", read: (r) => r.description },
  { title: "Currency", read: (r) => r.currency },
  { title: "Amount Awarded", read: (r) => r.amountAwarded },
  { title: "Amount Disbursed", read: (r) => r.amountDisbursed },
  { title: "Award Date", read: (r) => r.awardDate },
  { title: "Recipient Org:Identifier", read: (r) => r.recipientOrganization[0]!.id },
  { title: "Recipient Org:Name", read: (r) => r.recipientOrganization[0]!.name },
  { title: "Funding Org:Identifier", read: (r) => r.fundingOrganization[0]!.id },
  { title: "Funding Org:Name", read: (r) => r.fundingOrganization[0]!.name },
  { title: "Grant Programme:Title", read: (r) => r.grantProgramme[0]!.title },
  { title: "Grant Programme:Code", read: (r) => r.grantProgramme[0]!.code },
  { title: "Planned Dates:Start Date", read: (r) => r.plannedDates[0]!.startDate },
  { title: "Planned Dates:End Date", read: (r) => r.plannedDates[0]!.endDate },
  { title: "Actual Dates:Start Date", read: (r) => r.actualDates[0]!.startDate },
  { title: "Actual Dates:End Date", read: (r) => r.actualDates[0]!.endDate },
  { title: "Beneficiary Location:Name", read: (r) => r.beneficiaryLocation[0]?.name ?? null },
  { title: "Classifications:Title", read: (r) => r.classifications[0]?.title ?? null },
  { title: "Last modified", read: (r) => r.dateModified },
];

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes. */
function csvField(value: string | number | null) {
  const text = value == null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The records as CSV text with a header line and CRLF line ends (a BOM is added by the route for Excel). */
export function openDataCsv(records: OpenDataRecord[]) {
  const lines = [OPEN_DATA_COLUMNS.map((c) => csvField(c.title)).join(",")];
  for (const r of records) lines.push(OPEN_DATA_COLUMNS.map((c) => csvField(c.read(r))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** The JSON package: 360Giving's top level holds the grants array. */
export function openDataPackage(records: OpenDataRecord[]) {
  return { grants: records };
}

/** What a record must hold (the vitest checks every record against it): each field and its type. */
export const REQUIRED_FIELDS = {
  id: "string",
  title: "string",
  description: "string",
  currency: "string",
  amountAwarded: "number",
  amountDisbursed: "number",
  awardDate: "string",
  recipientOrganization: "array",
  fundingOrganization: "array",
  plannedDates: "array",
  actualDates: "array",
  beneficiaryLocation: "array",
  classifications: "array",
  dateModified: "string",
} as const;

/** The fields of a record missing or of the wrong type (empty when it validates). */
export function openDataProblems(record: Record<string, unknown>): string[] {
  return Object.entries(REQUIRED_FIELDS).flatMap(([field, type]) => {
    const value = record[field];
    const ok = type === "array" ? Array.isArray(value) : typeof value === type && value !== "";
    return ok ? [] : [field];
  });
}
