import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { valuesInForce, type RuleValues } from "~/modules/config/rules";
import { fenToYuanInput } from "~/utils/format";
import { formDefaults, parseApplicationData, toApplicationData } from "./application-form";
import { buildApplicationSchema, buildServerApplicationSchema } from "./application-schema";

/** The values in force when nothing was configured: the defaults from the domain guide (docs/DOMAIN.md). */
const defaults: RuleValues = valuesInForce([], new Date());

describe("stored data", () => {
  it("keeps only the chosen type's fields and turns 元 into 分", () => {
    const data = toApplicationData({
      intent: "save",
      orgType: "SOCIAL_SERVICE",
      proposedName: "江宁区益邻社会工作服务中心",
      capital: "50,000.5",
      individualMembers: "60",
      directors: "7",
      persons: [undefined, { name: "陈晓", title: "主任", phone: "13800000003" }],
    });
    expect(data).toEqual({
      orgType: "SOCIAL_SERVICE",
      proposedName: "江宁区益邻社会工作服务中心",
      capitalFen: 5_000_050,
      persons: [{ name: "陈晓", title: "主任", phone: "13800000003" }],
    });
    expect(fenToYuanInput(5_000_050)).toBe("50000.50");
    expect(fenToYuanInput(3_000_000)).toBe("30000");
  });

  it("reads back what it stored, and survives junk", () => {
    const stored = JSON.stringify({
      proposedName: "某协会",
      capitalFen: 100,
      persons: [{ name: "甲" }],
      level: "NATIONAL",
    });
    expect(parseApplicationData(stored, "SOCIAL_GROUP")).toMatchObject({
      orgType: "SOCIAL_GROUP",
      proposedName: "某协会",
      capitalFen: 100,
      level: "NATIONAL",
      persons: [{ name: "甲" }],
    });
    expect(parseApplicationData("not json", "FOUNDATION")).toEqual({ orgType: "FOUNDATION", persons: [] });
  });

  it("starts a new form with the authority's area code and one blank person row", () => {
    const defaultsOfForm = formDefaults({ orgType: "COMMUNITY", persons: [] }, "320115");
    expect(defaultsOfForm.areaCode).toBe("320115");
    expect(defaultsOfForm.persons).toEqual([{ name: "", title: "", phone: "" }]);
  });
});

// The schemas as conform runs them, on FormData like the browser sends.
function formData(entries: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

const COMPLETE_SERVICE = {
  orgType: "SOCIAL_SERVICE",
  proposedName: "江宁区益邻社会工作服务中心",
  address: "南京市江宁区东山街道竹山路100号",
  area: "南京市江宁区",
  areaCode: "320115",
  purpose: "为社区居民提供专业社会工作服务。",
  scope: "社区服务；社会工作培训。",
  category: "公益慈善类",
  legalRepresentative: "陈晓",
  "persons[0].name": "陈晓",
  "persons[0].title": "主任",
  "persons[0].phone": "13800000003",
  capital: "50000",
};

const pdf = () => new File(["%PDF-1.4\n%%EOF\n"], "a.pdf", { type: "application/pdf" });
const fileSchema = z.instanceof(File, { message: "请选择要上传的文件" });

describe("the form schema", () => {
  const schema = buildApplicationSchema({ rules: defaults, existingDocuments: [], fileSchema });

  it("saves a draft with only format checks", () => {
    const result = parseWithZod(formData({ intent: "save", orgType: "SOCIAL_GROUP", proposedName: "中华书画协会" }), {
      schema,
    });
    expect(result.status).toBe("success");
    if (result.status === "success")
      expect(result.value.data).toEqual({ orgType: "SOCIAL_GROUP", proposedName: "中华书画协会", persons: [] });
  });

  it("refuses badly formatted values even in a draft", () => {
    const result = parseWithZod(
      formData({
        intent: "save",
        orgType: "SOCIAL_SERVICE",
        areaCode: "32011",
        capital: "三万",
        "persons[0].phone": "12345",
      }),
      { schema },
    );
    const error = result.reply().error ?? {};
    expect(error.areaCode).toEqual(["行政区划代码应为 6 位数字"]);
    expect(error.capital).toEqual(["请输入金额（元），最多两位小数，例如 30000"]);
    expect(error["persons[0].phone"]).toEqual(["请输入有效的手机号码或固定电话（如 025-52171326）"]);
  });

  it("on submit, reports missing fields, documents and the type rules at their fields", () => {
    const result = parseWithZod(
      formData({ intent: "submit", orgType: "SOCIAL_GROUP", proposedName: "江宁区中华文化促进会", level: "LOCAL" }),
      { schema },
    );
    const error = result.reply().error ?? {};
    expect(error.proposedName).toEqual(["地方性社会组织名称不得含有「中华」字样"]);
    expect(error.address).toEqual(["请填写住所"]);
    expect(error.capital).toEqual(["请填写活动资金"]);
    expect(error.individualMembers?.[0]).toContain("会员数量不足");
    expect(error.charterFile).toEqual(["请上传章程草案"]);
    expect(error.capitalFile).toEqual(["请上传验资证明"]);
    expect(error.persons).toEqual(["请至少填写一位负责人"]);
  });

  it("accepts a complete submission with its documents", () => {
    const fd = formData({ intent: "submit", ...COMPLETE_SERVICE });
    for (const name of ["charterFile", "premisesFile", "capitalFile", "personsFile"]) fd.append(name, pdf());
    const result = parseWithZod(fd, { schema });
    expect(result.reply().error).toBeUndefined();
    if (result.status !== "success") throw new Error("expected success");
    expect(result.value.intent).toBe("submit");
    expect(Object.keys(result.value.files).sort()).toEqual(["capital", "charter", "persons", "premises"]);
    expect(result.value.data.capitalFen).toBe(5_000_000);
  });

  it("does not ask again for documents already stored", () => {
    const withStored = buildApplicationSchema({
      rules: defaults,
      existingDocuments: ["charter", "premises", "capital", "persons"],
      fileSchema,
    });
    expect(parseWithZod(formData({ intent: "submit", ...COMPLETE_SERVICE }), { schema: withStored }).status).toBe(
      "success",
    );
  });

  it("on the server, refuses a name another organization holds, at the name field", async () => {
    const server = buildServerApplicationSchema({
      rules: defaults,
      existingDocuments: ["charter", "premises", "capital", "persons"],
      fileSchema,
      nameTaken: async (name) =>
        name === COMPLETE_SERVICE.proposedName ? `「${name}」与已登记的社会组织重名，请更换名称` : null,
    });
    const taken = await parseWithZod(formData({ intent: "submit", ...COMPLETE_SERVICE }), {
      schema: server,
      async: true,
    });
    expect(taken.reply().error?.proposedName).toEqual([
      "「江宁区益邻社会工作服务中心」与已登记的社会组织重名，请更换名称",
    ]);
    // A draft is not checked against the register.
    const draft = await parseWithZod(formData({ intent: "save", ...COMPLETE_SERVICE }), {
      schema: server,
      async: true,
    });
    expect(draft.status).toBe("success");
  });
});
