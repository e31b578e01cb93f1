// 评估等级证书: who gets one (3A and above), its number and plaque text, and the
// return of a certificate when the grade is lowered or cancelled. Pure.
import { gradeLabel } from "~/modules/registry/grade";
import { shanghaiParts } from "~/utils/dates";
import { formatDate } from "~/utils/format";

/** The lowest grade that receives a certificate and plaque. */
export const CERTIFICATE_MIN_GRADE = 3;
/** The body that rates, printed on the certificate and the plaque. */
export const RATING_BODY = "区社会组织评估委员会";
/** The authority that announces the grade. */
export const RATING_AUTHORITY = "区民政局";

export function earnsCertificate(grade: number | null | undefined) {
  return grade != null && grade >= CERTIFICATE_MIN_GRADE;
}

/** "PG2026-0007": the year the certificate is issued (Shanghai) and its place in that year. */
export function certificateNumber(issuedAt: Date, sequence: number) {
  return `PG${shanghaiParts(issuedAt).year}-${String(sequence).padStart(4, "0")}`;
}

export function certificateNumberPrefix(issuedAt: Date) {
  return `PG${shanghaiParts(issuedAt).year}-`;
}

/** The plaque: the rating level (which authority), the grade, the validity, the rating body, the award date. */
export function plaqueText(c: {
  grade: number;
  validFrom: Date | string;
  validTo: Date | string;
  issuedAt: Date | string;
}) {
  return [
    `${RATING_AUTHORITY}社会组织评估`,
    `${gradeLabel(c.grade)}级社会组织`,
    `有效期：${formatDate(c.validFrom)}至${formatDate(c.validTo)}`,
    `评估机构：${RATING_BODY}`,
    `授予日期：${formatDate(c.issuedAt)}`,
  ];
}

/** A certificate awaiting return past its due date. */
export function isReturnOverdue(c: { status: string; returnDueAt: Date | string | null }, now: Date) {
  return c.status === "RETURN_DUE" && c.returnDueAt != null && new Date(c.returnDueAt).getTime() < now.getTime();
}
