// 变更: which registered fields changed, and how each is shown in the history.
// Pure: the diff is unit-tested and drives the OrganizationChange rows.
import { formatFen } from "~/utils/format";

/** The registered fields (docs/DOMAIN.md "Organization types and registration") in display order. */
export const REGISTERED_FIELDS = [
  "name",
  "address",
  "purpose",
  "scope",
  "area",
  "legalRepresentative",
  "capitalFen",
  "supervisingUnit",
] as const;
export type RegisteredField = (typeof REGISTERED_FIELDS)[number];

export const REGISTERED_FIELD_LABELS: Record<RegisteredField, string> = {
  name: "名称",
  address: "住所",
  purpose: "宗旨",
  scope: "业务范围",
  area: "活动地域",
  legalRepresentative: "法定代表人",
  capitalFen: "资金",
  supervisingUnit: "业务主管单位",
};

export function registeredFieldLabel(field: string | null | undefined) {
  if (!field) return "—";
  return REGISTERED_FIELD_LABELS[field as RegisteredField] ?? field;
}

export type RegisteredValues = {
  name: string;
  address: string | null;
  purpose: string | null;
  scope: string | null;
  area: string | null;
  legalRepresentative: string | null;
  capitalFen: bigint | null;
  supervisingUnit: string | null;
};

export type FieldChange = { field: RegisteredField; oldValue: string | null; newValue: string | null };

/** The stored text of a value: trimmed, empty → null; capital as its 分 integer. */
function stored(field: RegisteredField, value: RegisteredValues[RegisteredField]): string | null {
  if (value == null) return null;
  if (field === "capitalFen") return String(value);
  const text = String(value).trim();
  return text === "" ? null : text;
}

/**
 * The fields whose value differs between `current` and `next`, in display
 * order. Surrounding spaces do not count as a change; a cleared field does.
 */
export function diffRegisteredFields(current: RegisteredValues, next: RegisteredValues): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of REGISTERED_FIELDS) {
    const oldValue = stored(field, current[field]);
    const newValue = stored(field, next[field]);
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  }
  return changes;
}

/** A stored old/new value as shown in the change history. */
export function formatChangeValue(field: string | null, value: string | null) {
  if (value == null || value === "") return "（空）";
  if (field === "capitalFen" && /^-?\d+$/.test(value)) return formatFen(BigInt(value));
  return value;
}

export const CHANGE_KINDS = ["REGISTER", "CHANGE", "DEREGISTER", "REVOKE"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  REGISTER: "登记",
  CHANGE: "变更登记",
  DEREGISTER: "注销登记",
  REVOKE: "撤销登记",
};

export function changeKindLabel(kind: string) {
  return CHANGE_KIND_LABELS[kind as ChangeKind] ?? kind;
}
