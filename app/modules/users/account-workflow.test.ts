import { describe, expect, test } from "vitest";
import { auditStateChange } from "~/modules/audit/state-labels";
import { WORKFLOWS } from "~/modules/workflows";
import { accountLockWorkflow, accountStatusWorkflow } from "./account-workflow";

describe("account tables", () => {
  test("only staff disable, enable and unlock; disabling needs a reason", () => {
    expect(accountStatusWorkflow.canTransition("ACTIVE", "DISABLED", "ADMIN")).toBe(true);
    expect(accountStatusWorkflow.canTransition("ACTIVE", "DISABLED", "ORG_MEMBER")).toBe(false);
    expect(() => accountStatusWorkflow.assert("ACTIVE", "DISABLED", "ADMIN", " ")).toThrow("「停用账号」必须填写理由");
    expect(accountStatusWorkflow.canTransition("DISABLED", "ACTIVE", "ADMIN")).toBe(true);
    expect(accountStatusWorkflow.canTransition("ACTIVE", "ACTIVE", "ADMIN")).toBe(false);
    expect(accountLockWorkflow.canTransition("LOCKED", "UNLOCKED", "ADMIN")).toBe(true);
    expect(accountLockWorkflow.canTransition("LOCKED", "UNLOCKED", "REVIEWER")).toBe(false);
  });

  test("the moves keep their audit actions and read as before in the log", () => {
    expect(WORKFLOWS).toContain(accountStatusWorkflow);
    expect(accountStatusWorkflow.find("ACTIVE", "DISABLED")?.auditAction).toBe("user.disable");
    expect(accountStatusWorkflow.find("DISABLED", "ACTIVE")?.auditAction).toBe("user.enable");
    expect(accountLockWorkflow.find("LOCKED", "UNLOCKED")?.auditAction).toBe("user.unlock");
    expect(auditStateChange("ACTIVE", "DISABLED", "user.disable")).toBe("正常 → 已停用");
    expect(auditStateChange("DISABLED", "ACTIVE", "user.enable")).toBe("已停用 → 正常");
    expect(auditStateChange("LOCKED", "UNLOCKED", "user.unlock")).toBe("已锁定 → 已解锁");
    expect(auditStateChange(null, "LOCKED", "user.lock")).toBe("— → 已锁定");
  });
});
