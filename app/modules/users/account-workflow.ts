// The account tables. An account is disabled by staff and locked by wrong
// passwords independently (a disabled account can be locked too), so these are
// two tables, not one: `status` is a stored column (ACTIVE / DISABLED), while
// the lock is a time (`lockedUntil`, app/modules/auth/lockout.ts) and LOCKED
// only means "lockedUntil is still in the future". Staff lifting a lock is the
// LOCKED → UNLOCKED move, guarded on that time. The lock itself is set by the
// login (auth.server.ts) when the count of wrong passwords runs out, not here.
// Each move keeps the audit action the audit log and its filters already use.
import { defineWorkflow } from "~/modules/workflow/state-machine";

export const ACCOUNT_STATES = ["ACTIVE", "DISABLED"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export const accountStatusWorkflow = defineWorkflow<AccountState>({
  name: "user",
  stateLabels: { ACTIVE: "正常", DISABLED: "已停用" },
  transitions: [
    {
      from: "ACTIVE",
      to: "DISABLED",
      by: ["ADMIN"],
      label: "停用账号",
      requiresReason: true,
      auditAction: "user.disable",
    },
    { from: "DISABLED", to: "ACTIVE", by: ["ADMIN"], label: "启用账号", auditAction: "user.enable" },
  ],
});

export type AccountLockState = "LOCKED" | "UNLOCKED";

export const accountLockWorkflow = defineWorkflow<AccountLockState>({
  name: "user_lock",
  stateLabels: { LOCKED: "已锁定", UNLOCKED: "已解锁" },
  transitions: [{ from: "LOCKED", to: "UNLOCKED", by: ["ADMIN"], label: "解除锁定", auditAction: "user.unlock" }],
});
