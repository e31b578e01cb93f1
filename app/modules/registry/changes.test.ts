import { describe, expect, test } from "vitest";
import { diffRegisteredFields, formatChangeValue, type RegisteredValues } from "./changes";

const current: RegisteredValues = {
  name: "江宁区阳光社会工作服务中心",
  address: "东山街道竹山路568号301室",
  purpose: "服务社区",
  scope: "社区服务",
  area: "江宁区",
  legalRepresentative: "陈晓",
  capitalFen: 3_000_000n,
  supervisingUnit: null,
};

describe("diffRegisteredFields", () => {
  test("nothing changed, including surrounding spaces and an empty optional field", () => {
    expect(
      diffRegisteredFields(current, { ...current, address: `  ${current.address}  `, supervisingUnit: "" }),
    ).toEqual([]);
  });

  test("lists only the changed fields, in display order, with old and new stored values", () => {
    const changes = diffRegisteredFields(current, {
      ...current,
      legalRepresentative: "周婷",
      address: "东山街道上坊路1号",
      capitalFen: 5_000_000n,
    });
    expect(changes).toEqual([
      { field: "address", oldValue: "东山街道竹山路568号301室", newValue: "东山街道上坊路1号" },
      { field: "legalRepresentative", oldValue: "陈晓", newValue: "周婷" },
      { field: "capitalFen", oldValue: "3000000", newValue: "5000000" },
    ]);
  });

  test("setting and clearing optional fields are changes", () => {
    expect(diffRegisteredFields(current, { ...current, supervisingUnit: "区民政局", capitalFen: null })).toEqual([
      { field: "capitalFen", oldValue: "3000000", newValue: null },
      { field: "supervisingUnit", oldValue: null, newValue: "区民政局" },
    ]);
  });

  test("history values are shown as money or text", () => {
    expect(formatChangeValue("capitalFen", "3000000")).toBe("¥30,000.00");
    expect(formatChangeValue("address", null)).toBe("（空）");
    expect(formatChangeValue("name", "新名称")).toBe("新名称");
  });
});
