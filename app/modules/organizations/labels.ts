// Organization vocabulary from the domain guide (docs/DOMAIN.md), with the Chinese each screen shows.
import type { BadgeTone } from "~/components/status-badge";

export const ORG_TYPES = ["SOCIAL_GROUP", "SOCIAL_SERVICE", "FOUNDATION", "COMMUNITY"] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/**
 * The one name of each organization type, on every page, list, export and form (#19 item 16).
 * 社会服务机构 is the current name of what was called 民办非企业单位; 备案 is a procedure, not a type.
 */
export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  SOCIAL_GROUP: "社会团体",
  SOCIAL_SERVICE: "社会服务机构",
  FOUNDATION: "基金会",
  COMMUNITY: "社区社会组织",
};

/** What the capital is called for each type. */
export const CAPITAL_LABELS: Record<OrgType, string> = {
  SOCIAL_GROUP: "活动资金",
  SOCIAL_SERVICE: "开办资金",
  FOUNDATION: "原始基金",
  COMMUNITY: "活动资金",
};

export const ORG_STATUSES = ["PREPARING", "REGISTERED", "DEREGISTERED", "REVOKED"] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const ORG_STATUS_LABELS: Record<OrgStatus, string> = {
  PREPARING: "筹备中（未登记）",
  REGISTERED: "正常",
  DEREGISTERED: "已注销",
  REVOKED: "已撤销",
};

/** The four categories that may register without a supervising unit. */
export const DIRECT_REGISTRATION_CATEGORIES = ["行业协会商会", "科技类", "公益慈善类", "城乡社区服务类"] as const;

export const ORG_CATEGORIES = [
  ...DIRECT_REGISTRATION_CATEGORIES,
  "教育类",
  "文化类",
  "体育类",
  "卫生类",
  "其他",
] as const;

export function orgTypeLabel(type: string) {
  return ORG_TYPE_LABELS[type as OrgType] ?? type;
}

/** Badge colours of the registration states (labels: the organization status workflow). */
export const ORG_STATUS_TONES: Partial<Record<OrgStatus, BadgeTone>> = {
  REGISTERED: "brand",
  DEREGISTERED: "neutral",
  REVOKED: "danger",
};

export function orgStatusLabel(status: string) {
  return ORG_STATUS_LABELS[status as OrgStatus] ?? status;
}
