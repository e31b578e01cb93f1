import { describe, expect, test } from "vitest";
import { CONFIRM_FIELD, confirmRequestOf, fieldsToRepost, isConfirmed } from "./confirm";

describe("the confirmation step", () => {
  test("an intent is confirmed only when the hidden field names it", () => {
    const formData = new FormData();
    formData.set("intent", "APPROVED");
    formData.append(CONFIRM_FIELD, "");
    expect(isConfirmed(formData, "APPROVED")).toBe(false);
    formData.append(CONFIRM_FIELD, "APPROVED");
    expect(isConfirmed(formData, "APPROVED")).toBe(true);
    expect(isConfirmed(formData, "REJECTED")).toBe(false);
  });

  test("the second page posts the text fields again, not the confirmation or files", () => {
    const formData = new FormData();
    formData.set("intent", "REJECTED");
    formData.set("reason", "名称不符合规定");
    formData.set(CONFIRM_FIELD, "");
    formData.set("file", new File(["x"], "a.pdf"));
    expect(fieldsToRepost(formData)).toEqual([
      ["intent", "REJECTED"],
      ["reason", "名称不符合规定"],
    ]);
  });

  test("reads the step from a reply, or nothing", () => {
    const confirm = { intent: "x", label: "提交", message: "不可撤回", fields: [] };
    expect(confirmRequestOf({ intent: "x", result: {}, confirm })).toEqual(confirm);
    expect(confirmRequestOf({ intent: "x", result: {} })).toBeNull();
    expect(confirmRequestOf(undefined)).toBeNull();
  });
});
