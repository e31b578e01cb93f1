import { describe, expect, it } from "vitest";
import { RULES, valuesInForce, type RuleValues } from "~/modules/config/rules";
import { kindForType, type ApplicationData } from "./application-form";
import {
  checkCompleteness,
  checkTypeRules,
  localNameIssue,
  membersIssue,
  minimumCapitalFen,
} from "./application-rules";
import { documentsFor, missingDocuments, type DocumentKey } from "./documents";

/** The values in force when nothing was configured: the defaults from the domain guide (docs/DOMAIN.md). */
const defaults: RuleValues = valuesInForce([], new Date());

/** Defaults with some keys changed, as if staff had configured them in RuleParameter. */
function rulesWith(changes: Partial<RuleValues>): RuleValues {
  const rows = Object.entries(changes).map(([key, value]) => ({
    key,
    value: JSON.stringify(value),
    effectiveFrom: new Date("2020-01-01T00:00:00Z"),
  }));
  return valuesInForce(rows, new Date());
}

const YUAN = 100;

function socialGroup(overrides: Partial<ApplicationData> = {}): ApplicationData {
  return {
    orgType: "SOCIAL_GROUP",
    proposedName: "江宁区书画艺术协会",
    level: "LOCAL",
    individualMembers: 60,
    unitMembers: 0,
    capitalFen: 30_000 * YUAN,
    category: "文化类",
    supervisingUnit: "区文化和旅游局",
    persons: [],
    ...overrides,
  };
}

function foundation(overrides: Partial<ApplicationData> = {}): ApplicationData {
  return {
    orgType: "FOUNDATION",
    proposedName: "江宁区助学基金会",
    level: "LOCAL",
    fundraising: "NON_PUBLIC",
    capitalFen: 2_000_000 * YUAN,
    directors: 7,
    category: "公益慈善类",
    persons: [],
    ...overrides,
  };
}

const messagesAt = (issues: { path: (string | number)[]; message: string }[], field: string) =>
  issues.filter((i) => i.path.join(".") === field).map((i) => i.message);

describe("the defaults are the numbers in DOMAIN.md", () => {
  it("has the documented values", () => {
    expect(defaults["registration.socialGroup.minIndividualMembers"]).toBe(50);
    expect(defaults["registration.socialGroup.minUnitMembers"]).toBe(30);
    expect(defaults["registration.socialGroup.minMixedMembers"]).toBe(50);
    expect(defaults["registration.socialGroup.minCapitalLocalFen"]).toBe(30_000 * YUAN);
    expect(defaults["registration.socialGroup.minCapitalNationalFen"]).toBe(100_000 * YUAN);
    expect(defaults["registration.foundation.minCapitalNationalPublicFen"]).toBe(8_000_000 * YUAN);
    expect(defaults["registration.foundation.minCapitalLocalPublicFen"]).toBe(4_000_000 * YUAN);
    expect(defaults["registration.foundation.minCapitalNonPublicFen"]).toBe(2_000_000 * YUAN);
    expect(RULES["registration.reviewDays"].defaultValue).toBe(60);
  });
});

describe("社会团体 membership", () => {
  it("accepts 50 individual members and refuses 49", () => {
    expect(membersIssue(50, 0, defaults)).toBeNull();
    expect(membersIssue(49, 0, defaults)).toContain("会员数量不足");
  });

  it("accepts 30 unit members and refuses 29", () => {
    expect(membersIssue(0, 30, defaults)).toBeNull();
    expect(membersIssue(0, 29, defaults)).toContain("会员数量不足");
  });

  it("accepts a mixed membership of 50 in total and refuses 49", () => {
    expect(membersIssue(25, 25, defaults)).toBeNull();
    expect(membersIssue(40, 10, defaults)).toBeNull();
    expect(membersIssue(25, 24, defaults)).toContain("合计 50 个以上");
    expect(membersIssue(48, 1, defaults)).not.toBeNull();
  });

  it("refuses an association with no members and names the counts", () => {
    expect(membersIssue(0, 0, defaults)).toBe(
      "会员数量不足：社会团体须有 50 个以上个人会员，或 30 个以上单位会员，或个人会员与单位会员合计 50 个以上（现有个人会员 0 个、单位会员 0 个）",
    );
  });

  it("reports the problem at the members field", () => {
    const issues = checkTypeRules(socialGroup({ individualMembers: 20, unitMembers: 5 }), defaults);
    expect(messagesAt(issues, "individualMembers")).toHaveLength(1);
    expect(checkTypeRules(socialGroup(), defaults)).toEqual([]);
  });

  it("uses the configured numbers, not constants", () => {
    const lower = rulesWith({ "registration.socialGroup.minIndividualMembers": 20 });
    expect(membersIssue(20, 0, lower)).toBeNull();
    expect(membersIssue(19, 0, lower)).toContain("20 个以上个人会员");
    const higherUnits = rulesWith({ "registration.socialGroup.minUnitMembers": 40 });
    expect(membersIssue(0, 30, higherUnits)).not.toBeNull();
    const mixed = rulesWith({ "registration.socialGroup.minMixedMembers": 60 });
    expect(membersIssue(30, 25, mixed)).toContain("合计 60 个以上");
  });
});

describe("社会团体 活动资金", () => {
  it("needs 30,000 元 for a local association", () => {
    expect(checkTypeRules(socialGroup({ capitalFen: 30_000 * YUAN }), defaults)).toEqual([]);
    const issues = checkTypeRules(socialGroup({ capitalFen: 30_000 * YUAN - 1 }), defaults);
    expect(messagesAt(issues, "capital")).toEqual(["地方性社会团体的活动资金不得少于 30,000 元"]);
  });

  it("needs 100,000 元 for a national association", () => {
    const national = socialGroup({ level: "NATIONAL", proposedName: "中国书画艺术协会" });
    expect(checkTypeRules({ ...national, capitalFen: 100_000 * YUAN }, defaults)).toEqual([]);
    const issues = checkTypeRules({ ...national, capitalFen: 99_999 * YUAN }, defaults);
    expect(messagesAt(issues, "capital")).toEqual(["全国性社会团体的活动资金不得少于 100,000 元"]);
  });

  it("follows a configured minimum", () => {
    const rules = rulesWith({ "registration.socialGroup.minCapitalLocalFen": 50_000 * YUAN });
    const issues = checkTypeRules(socialGroup({ capitalFen: 40_000 * YUAN }), rules);
    expect(messagesAt(issues, "capital")).toEqual(["地方性社会团体的活动资金不得少于 50,000 元"]);
  });

  it("sets no minimum for a social service organization", () => {
    expect(minimumCapitalFen({ orgType: "SOCIAL_SERVICE" }, defaults)).toBeNull();
    expect(minimumCapitalFen({ orgType: "COMMUNITY" }, defaults)).toBeNull();
  });
});

describe("基金会 原始基金 and 理事", () => {
  it("needs 8,000,000 元 for a national public foundation", () => {
    const base = foundation({ level: "NATIONAL", fundraising: "PUBLIC", proposedName: "华夏助学基金会" });
    expect(checkTypeRules({ ...base, capitalFen: 8_000_000 * YUAN }, defaults)).toEqual([]);
    expect(messagesAt(checkTypeRules({ ...base, capitalFen: 8_000_000 * YUAN - 1 }, defaults), "capital")).toEqual([
      "全国性公募基金会的原始基金不得少于 8,000,000 元",
    ]);
  });

  it("needs 4,000,000 元 for a local public foundation", () => {
    const base = foundation({ fundraising: "PUBLIC" });
    expect(checkTypeRules({ ...base, capitalFen: 4_000_000 * YUAN }, defaults)).toEqual([]);
    expect(messagesAt(checkTypeRules({ ...base, capitalFen: 3_999_999 * YUAN }, defaults), "capital")).toEqual([
      "地方性公募基金会的原始基金不得少于 4,000,000 元",
    ]);
  });

  it("needs 2,000,000 元 for a non-public foundation, national or local", () => {
    for (const level of ["LOCAL", "NATIONAL"] as const) {
      const base = foundation({ level, proposedName: "江宁区助学基金会" });
      expect(messagesAt(checkTypeRules({ ...base, capitalFen: 2_000_000 * YUAN }, defaults), "capital")).toEqual([]);
      expect(messagesAt(checkTypeRules({ ...base, capitalFen: 1_999_999 * YUAN }, defaults), "capital")).toEqual([
        "非公募基金会的原始基金不得少于 2,000,000 元",
      ]);
    }
  });

  it("needs 5 to 25 理事", () => {
    for (const directors of [5, 25]) expect(checkTypeRules(foundation({ directors }), defaults)).toEqual([]);
    for (const directors of [4, 26, 0]) {
      expect(messagesAt(checkTypeRules(foundation({ directors }), defaults), "directors")).toEqual([
        "基金会理事人数应为 5 至 25 人",
      ]);
    }
  });

  it("follows configured director limits", () => {
    const rules = rulesWith({ "registration.foundation.minDirectors": 7, "registration.foundation.maxDirectors": 9 });
    expect(messagesAt(checkTypeRules(foundation({ directors: 6 }), rules), "directors")).toEqual([
      "基金会理事人数应为 7 至 9 人",
    ]);
    expect(checkTypeRules(foundation({ directors: 9 }), rules)).toEqual([]);
  });
});

describe("a local body's name", () => {
  it("may not contain 中国, 全国 or 中华", () => {
    for (const word of ["中国", "全国", "中华"]) {
      const issues = checkTypeRules(socialGroup({ proposedName: `江宁区${word}书画协会` }), defaults);
      expect(messagesAt(issues, "proposedName")).toEqual([`地方性社会组织名称不得含有「${word}」字样`]);
    }
  });

  it("lists every forbidden word found", () => {
    expect(localNameIssue("中华全国书画协会", defaults["registration.localNameForbiddenWords"])).toBe(
      "地方性社会组织名称不得含有「全国」、「中华」字样",
    );
  });

  it("applies to social service and community organizations, which are always local", () => {
    const service: ApplicationData = {
      orgType: "SOCIAL_SERVICE",
      proposedName: "中华养老服务中心",
      persons: [],
      category: "公益慈善类",
    };
    expect(messagesAt(checkTypeRules(service, defaults), "proposedName")).toHaveLength(1);
    const community: ApplicationData = { orgType: "COMMUNITY", proposedName: "中国结编织社", persons: [] };
    expect(messagesAt(checkTypeRules(community, defaults), "proposedName")).toHaveLength(1);
  });

  it("does not apply to a national body", () => {
    const issues = checkTypeRules(
      socialGroup({ level: "NATIONAL", proposedName: "中华书画协会", capitalFen: 100_000 * YUAN }),
      defaults,
    );
    expect(messagesAt(issues, "proposedName")).toEqual([]);
  });

  it("uses the configured word list", () => {
    const rules = rulesWith({ "registration.localNameForbiddenWords": ["国际"] });
    expect(messagesAt(checkTypeRules(socialGroup({ proposedName: "中华书画协会" }), rules), "proposedName")).toEqual(
      [],
    );
    expect(messagesAt(checkTypeRules(socialGroup({ proposedName: "国际书画协会" }), rules), "proposedName")).toEqual([
      "地方性社会组织名称不得含有「国际」字样",
    ]);
  });
});

describe("业务主管单位", () => {
  it("is optional for the four directly registered categories", () => {
    for (const category of ["行业协会商会", "科技类", "公益慈善类", "城乡社区服务类"] as const) {
      expect(checkTypeRules(socialGroup({ category, supervisingUnit: undefined }), defaults)).toEqual([]);
    }
  });

  it("is required for other categories, at the field", () => {
    const issues = checkTypeRules(socialGroup({ category: "教育类", supervisingUnit: undefined }), defaults);
    expect(messagesAt(issues, "supervisingUnit")).toEqual([
      "业务类别为「教育类」的须填写业务主管单位（行业协会商会、科技类、公益慈善类、城乡社区服务类可直接登记）",
    ]);
    expect(checkTypeRules(socialGroup({ category: "教育类", supervisingUnit: "区教育局" }), defaults)).toEqual([]);
  });

  it("follows the configured list of direct categories", () => {
    const rules = rulesWith({ "registration.directCategories": ["科技类"] });
    expect(
      messagesAt(
        checkTypeRules(socialGroup({ category: "公益慈善类", supervisingUnit: undefined }), rules),
        "supervisingUnit",
      ),
    ).toHaveLength(1);
  });

  it("is not required for a 备案", () => {
    const community: ApplicationData = {
      orgType: "COMMUNITY",
      proposedName: "九龙湖社区读书会",
      category: "文化类",
      persons: [],
    };
    expect(checkTypeRules(community, defaults)).toEqual([]);
  });
});

describe("completeness", () => {
  it("lists every missing field of a registration in Chinese", () => {
    const issues = checkCompleteness({ orgType: "FOUNDATION", persons: [] });
    expect(issues.map((i) => i.path.join("."))).toEqual([
      "proposedName",
      "address",
      "area",
      "areaCode",
      "purpose",
      "scope",
      "category",
      "legalRepresentative",
      "capital",
      "level",
      "fundraising",
      "directors",
      "persons",
    ]);
    expect(messagesAt(issues, "capital")).toEqual(["请填写原始基金"]);
    expect(messagesAt(issues, "persons")).toEqual(["请至少填写一位负责人"]);
  });

  it("asks less of a 备案: no capital, no level; a 负责人 instead of a legal representative", () => {
    const issues = checkCompleteness({ orgType: "COMMUNITY", persons: [] });
    expect(issues.map((i) => i.path[0])).not.toContain("capital");
    expect(issues.map((i) => i.path[0])).not.toContain("level");
    expect(messagesAt(issues, "legalRepresentative")).toEqual(["请填写负责人"]);
  });

  it("checks each person row where it is, skipping blank rows", () => {
    const issues = checkCompleteness({ orgType: "SOCIAL_SERVICE", persons: [] }, [
      {},
      { name: "陈晓", title: "理事长" },
      { name: "许志鹏", title: "秘书长", phone: "13912561180" },
    ]);
    expect(messagesAt(issues, "persons.1.phone")).toEqual(["请填写联系电话"]);
    expect(messagesAt(issues, "persons")).toEqual([]);
  });

  it("needs the documents of the kind: no 验资证明 for a 备案", () => {
    expect(documentsFor(kindForType("COMMUNITY"))).toEqual(["charter", "premises", "persons"]);
    expect(documentsFor(kindForType("SOCIAL_GROUP"))).toContain("capital");
    const existing: DocumentKey[] = ["charter"];
    expect(missingDocuments("REGISTRATION", ["premises"], existing)).toEqual(["capital", "persons"]);
  });
});
