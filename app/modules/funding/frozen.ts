// Closing (结项) freezes a project's records. Pure: which states refuse edits.

/** A closed project's records are final: no report, expense, change, visit or payment is written any more. */
export function isProjectFrozen(status: string) {
  return status === "CLOSED";
}

export const FROZEN_MESSAGE = "项目已结项，记录已冻结，不能再修改";
