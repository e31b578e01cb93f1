import { describe, expect, it } from "vitest";
import { APPLICATION_TYPE_OPTIONS } from "~/modules/registration/application-form";
import { ORG_TYPE_LABELS, ORG_TYPES, orgTypeLabel } from "./labels";

describe("organization type labels (#19 item 16)", () => {
  it("name each type once, without brackets, so nothing nests them", () => {
    expect(Object.values(ORG_TYPE_LABELS)).toEqual(["社会团体", "社会服务机构", "基金会", "社区社会组织"]);
    for (const label of Object.values(ORG_TYPE_LABELS)) expect(label).not.toMatch(/[（(]/);
    expect(orgTypeLabel("SOCIAL_SERVICE")).toBe("社会服务机构");
  });

  it("the registration form's choices are the same names, with the procedure each type goes through", () => {
    expect(APPLICATION_TYPE_OPTIONS.map((o) => o.label)).toEqual(
      ORG_TYPES.map((t) => `${ORG_TYPE_LABELS[t]}（${t === "COMMUNITY" ? "备案" : "登记"}）`),
    );
  });
});
