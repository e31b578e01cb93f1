// The rules each organization type must meet (members, capital, names, the
// supervising unit) and what a complete application has. Pure: the rule
// numbers are passed in (from getRules()).
import type { RuleValues } from "~/modules/config/rules";
import { CAPITAL_LABELS } from "~/modules/organizations/labels";
import {
  hasScopeLevel,
  isBlankPerson,
  kindForType,
  legalRepresentativeLabel,
  yuanText,
  type ApplicationData,
  type PersonRow,
} from "./application-form";

export type FieldIssue = { path: (string | number)[]; message: string };

/** The rule values this form needs, as returned by getRules(). */
export type RegistrationRules = Pick<
  RuleValues,
  | "registration.socialGroup.minIndividualMembers"
  | "registration.socialGroup.minUnitMembers"
  | "registration.socialGroup.minMixedMembers"
  | "registration.socialGroup.minCapitalLocalFen"
  | "registration.socialGroup.minCapitalNationalFen"
  | "registration.foundation.minCapitalNationalPublicFen"
  | "registration.foundation.minCapitalLocalPublicFen"
  | "registration.foundation.minCapitalNonPublicFen"
  | "registration.foundation.minDirectors"
  | "registration.foundation.maxDirectors"
  | "registration.localNameForbiddenWords"
  | "registration.directCategories"
>;

/** Only associations and foundations can be national; everything else this authority registers is local. */
export function isLocalBody(data: Pick<ApplicationData, "orgType" | "level">) {
  return !(hasScopeLevel(data.orgType) && data.level === "NATIONAL");
}

/** The forbidden words (e.g. 中国, 全国, 中华) that occur in a name. */
export function forbiddenWordsIn(name: string, words: string[]) {
  return words.filter((w) => w && name.includes(w));
}

export function localNameIssue(name: string, words: string[]): string | null {
  const found = forbiddenWordsIn(name, words);
  if (!found.length) return null;
  return `地方性社会组织名称不得含有${found.map((w) => `「${w}」`).join("、")}字样`;
}

/**
 * 社会团体 membership: enough individual members, or enough unit members, or
 * (both kinds together) enough members in total.
 */
export function membersIssue(individuals: number, units: number, rules: RegistrationRules): string | null {
  const minIndividuals = rules["registration.socialGroup.minIndividualMembers"];
  const minUnits = rules["registration.socialGroup.minUnitMembers"];
  const minMixed = rules["registration.socialGroup.minMixedMembers"];
  if (individuals >= minIndividuals) return null;
  if (units >= minUnits) return null;
  if (individuals > 0 && units > 0 && individuals + units >= minMixed) return null;
  return (
    `会员数量不足：社会团体须有 ${minIndividuals} 个以上个人会员，或 ${minUnits} 个以上单位会员，` +
    `或个人会员与单位会员合计 ${minMixed} 个以上（现有个人会员 ${individuals} 个、单位会员 ${units} 个）`
  );
}

/** The minimum capital in 分 for the type, level and fundraising kind; null when none applies. */
export function minimumCapitalFen(
  data: Pick<ApplicationData, "orgType" | "level" | "fundraising">,
  rules: RegistrationRules,
): { fen: number; description: string } | null {
  const local = isLocalBody(data);
  if (data.orgType === "SOCIAL_GROUP") {
    return local
      ? { fen: rules["registration.socialGroup.minCapitalLocalFen"], description: "地方性社会团体的活动资金" }
      : { fen: rules["registration.socialGroup.minCapitalNationalFen"], description: "全国性社会团体的活动资金" };
  }
  if (data.orgType === "FOUNDATION") {
    if (data.fundraising === "NON_PUBLIC") {
      return { fen: rules["registration.foundation.minCapitalNonPublicFen"], description: "非公募基金会的原始基金" };
    }
    if (data.fundraising === "PUBLIC") {
      return local
        ? { fen: rules["registration.foundation.minCapitalLocalPublicFen"], description: "地方性公募基金会的原始基金" }
        : {
            fen: rules["registration.foundation.minCapitalNationalPublicFen"],
            description: "全国性公募基金会的原始基金",
          };
    }
  }
  return null;
}

export function supervisingUnitRequired(category: string | undefined, rules: RegistrationRules) {
  return !!category && !rules["registration.directCategories"].includes(category);
}

/**
 * The rules an organization type must meet, each reported at its field. Only
 * checks what was filled in; missing fields are reported by checkCompleteness.
 */
export function checkTypeRules(data: ApplicationData, rules: RegistrationRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (data.proposedName && isLocalBody(data)) {
    const message = localNameIssue(data.proposedName, rules["registration.localNameForbiddenWords"]);
    if (message) issues.push({ path: ["proposedName"], message });
  }
  if (data.orgType === "SOCIAL_GROUP") {
    const message = membersIssue(data.individualMembers ?? 0, data.unitMembers ?? 0, rules);
    if (message) issues.push({ path: ["individualMembers"], message });
  }
  if (data.capitalFen != null) {
    const minimum = minimumCapitalFen(data, rules);
    if (minimum && data.capitalFen < minimum.fen) {
      issues.push({ path: ["capital"], message: `${minimum.description}不得少于 ${yuanText(minimum.fen)}` });
    }
  }
  if (data.orgType === "FOUNDATION" && data.directors != null) {
    const min = rules["registration.foundation.minDirectors"];
    const max = rules["registration.foundation.maxDirectors"];
    if (data.directors < min || data.directors > max) {
      issues.push({ path: ["directors"], message: `基金会理事人数应为 ${min} 至 ${max} 人` });
    }
  }
  // A 备案 community group is guided by its street office; the supervising-unit rule is for 登记.
  if (
    kindForType(data.orgType) === "REGISTRATION" &&
    !data.supervisingUnit &&
    supervisingUnitRequired(data.category, rules)
  ) {
    issues.push({
      path: ["supervisingUnit"],
      message: `业务类别为「${data.category}」的须填写业务主管单位（${rules["registration.directCategories"].join("、")}可直接登记）`,
    });
  }
  return issues;
}

/** What a submitted application must contain, by type. */
export function checkCompleteness(data: ApplicationData, rows: PersonRow[] = data.persons): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (ok: unknown, path: string, message: string) => {
    if (ok === undefined || ok === null || ok === "") issues.push({ path: [path], message });
  };
  const type = data.orgType;
  need(data.proposedName, "proposedName", "请填写拟定名称");
  need(data.address, "address", "请填写住所");
  need(data.area, "area", "请填写活动地域");
  need(data.areaCode, "areaCode", "请填写行政区划代码");
  need(data.purpose, "purpose", "请填写宗旨");
  need(data.scope, "scope", "请填写业务范围");
  need(data.category, "category", "请选择业务类别");
  need(data.legalRepresentative, "legalRepresentative", `请填写${legalRepresentativeLabel(type)}`);
  if (kindForType(type) === "REGISTRATION") need(data.capitalFen, "capital", `请填写${CAPITAL_LABELS[type]}`);
  if (hasScopeLevel(type)) need(data.level, "level", "请选择全国性或地方性");
  if (type === "FOUNDATION") {
    need(data.fundraising, "fundraising", "请选择公募或非公募");
    need(data.directors, "directors", "请填写理事人数");
  }
  // Rows are checked as they are on screen (blank ones skipped), so each message lands on its row.
  rows.forEach((row, index) => {
    if (isBlankPerson(row)) return;
    if (!row?.name) issues.push({ path: ["persons", index, "name"], message: "请填写姓名" });
    if (!row?.title) issues.push({ path: ["persons", index, "title"], message: "请填写职务" });
    if (!row?.phone) issues.push({ path: ["persons", index, "phone"], message: "请填写联系电话" });
  });
  if (rows.every(isBlankPerson)) issues.push({ path: ["persons"], message: "请至少填写一位负责人" });
  return issues;
}
