export const ROLES = ["ADMIN", "REVIEWER", "ORG_MEMBER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "管理员",
  REVIEWER: "评审专家",
  ORG_MEMBER: "社会组织成员",
};

/** Where each role lands after logging in. */
export const ROLE_HOME: Record<Role, string> = {
  ADMIN: "/admin",
  REVIEWER: "/reviewer",
  ORG_MEMBER: "/org",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const USER_STATUS_LABELS: Record<string, string> = {
  ACTIVE: "正常",
  DISABLED: "已停用",
};
