import { expect, test } from "vitest";
import "~/modules/workflows";
import { auditStateChange, auditStateLabel } from "./state-labels";

test("workflow transitions are labelled by their own workflow", () => {
  expect(auditStateLabel("SUBMITTED", "registration.transition")).toBe("已提交");
  expect(auditStateLabel("SUBMITTED", "inspection.transition")).toBe("已提交");
  expect(auditStateLabel("IN_RESIDENCE", "incubation.transition")).toBe("在孵");
  expect(auditStateLabel("RETURNED", "rectification.transition")).toBe("整改被退回");
});

test("account states and unknown values", () => {
  expect(auditStateLabel("DISABLED", "user.disable")).toBe("已停用");
  expect(auditStateLabel("SOMETHING_NEW", "registration.transition")).toBe("SOMETHING_NEW");
  expect(auditStateChange(null, null)).toBe("—");
  expect(auditStateChange("ACCEPTED", "APPROVED", "registration.transition")).toBe("已受理 → 准予登记");
});
